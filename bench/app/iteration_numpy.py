#!/usr/bin/python3
"""One training iteration of the cat classifier's 4-layer model (12288-20-7-5-1) in numpy, for
bench/app/iteration.ts: prints {"ms": median milliseconds per iteration} over --iters iterations."""
import json, os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'numpy'))
import dnn  # noqa: E402
from dnn import np  # noqa: E402
import application as app  # noqa: E402
import h5py  # noqa: E402

iters = int(sys.argv[sys.argv.index('--iters') + 1]) if '--iters' in sys.argv else 40
train = h5py.File(app.data_file('train_catvnoncat.h5'), 'r')
tx, Y = np.array(train['train_set_x'][:]), np.array(train['train_set_y'][:]).reshape(1, -1)
X = tx.reshape(tx.shape[0], -1).T / 255.
np.random.seed(1)
p = dnn.initialize_parameters_deep([12288, 20, 7, 5, 1], seed=1, app=True)
t = []
for i in range(iters + 5):
    s = time.perf_counter()
    AL, caches = dnn.L_model_forward(X, p)
    cost = app.compute_cost(AL, Y)
    p = dnn.update_parameters(p, dnn.L_model_backward(AL, Y, caches), 0.0075)
    t.append((time.perf_counter() - s) * 1e3)
t = sorted(t[5:])
print(json.dumps({'ms': t[len(t) // 2], 'cost': float(cost)}))
