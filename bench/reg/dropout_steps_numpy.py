#!/usr/bin/python3
"""numpy's side of bench/reg/dropout-steps.ts: one iteration of the regularization notebook's dropout
training (keep_prob 0.86, the source notebook's solutions), timed statement by statement. Prints one
`name<TAB>microseconds` line per statement (mean over the timed iterations), then `total<TAB>us`."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'numpy'))
import regularization as R  # noqa: E402
from bench_numpy import np  # noqa: E402

np.seterr(divide='ignore', invalid='ignore')
WARM, ITERS = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else (1000, 5000)))
X, Y, _, _ = R.load_2D_dataset()
p = R.initialize_parameters([X.shape[0], 20, 3, 1])
acc = {}
clock = time.perf_counter
keep = 0.86
m = X.shape[1]


def iteration():
    global p
    last = [clock()]

    def lap(name):
        now = clock()
        acc[name] = acc.get(name, 0.0) + now - last[0]
        last[0] = now

    np.random.seed(1); lap('seed')
    W1, b1, W2, b2, W3, b3 = p['W1'], p['b1'], p['W2'], p['b2'], p['W3'], p['b3']
    Z1 = np.dot(W1, X) + b1; lap('Z1 = W1·X + b1')
    A1 = R.relu(Z1); lap('A1 = relu(Z1)')
    D1 = np.random.rand(A1.shape[0], A1.shape[1]); lap('D1 = rand(20, 211)')
    D1 = (D1 < keep).astype(int); lap('D1 = (D1 < keep).astype(int)')
    A1 = A1 * D1; lap('A1 * D1')
    A1 = A1 / keep; lap('A1 / keep')
    Z2 = np.dot(W2, A1) + b2; lap('Z2 = W2·A1 + b2')
    A2 = R.relu(Z2); lap('A2 = relu(Z2)')
    D2 = np.random.rand(A2.shape[0], A2.shape[1]); D2 = (D2 < keep).astype(int); A2 = A2 * D2; A2 = A2 / keep
    lap('layer 2 dropout (3, 211)')
    Z3 = np.dot(W3, A2) + b3; A3 = R.sigmoid(Z3); lap('Z3, A3 = sigmoid(Z3)')
    R.compute_cost(A3, Y); lap('compute_cost')
    dZ3 = A3 - Y; dW3 = 1. / m * np.dot(dZ3, A2.T); db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    lap('dZ3, dW3, db3')
    dA2 = np.dot(W3.T, dZ3); dA2 = dA2 * D2; dA2 = dA2 / keep; lap('dA2 (3, 211)')
    dZ2 = np.multiply(dA2, np.int64(A2 > 0)); lap('dZ2 (3, 211)')
    dW2 = 1. / m * np.dot(dZ2, A1.T); db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True); lap('dW2, db2')
    dA1 = np.dot(W2.T, dZ2); lap('dA1 = W2ᵀ·dZ2')
    dA1 = dA1 * D1; lap('dA1 * D1')
    dA1 = dA1 / keep; lap('dA1 / keep')
    dZ1 = np.multiply(dA1, np.int64(A1 > 0)); lap('dZ1 = dA1 * int64(A1 > 0)')
    dW1 = 1. / m * np.dot(dZ1, X.T); lap('dW1 = dZ1·Xᵀ / m')
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True); lap('db1 = sum(dZ1, axis 1) / m')
    g = {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2, 'dW3': dW3, 'db3': db3}
    for l in range(1, 4):
        p['W' + str(l)] = p['W' + str(l)] - 0.3 * g['dW' + str(l)]
        p['b' + str(l)] = p['b' + str(l)] - 0.3 * g['db' + str(l)]
    lap('update_parameters')


for _ in range(WARM):
    iteration()
acc.clear()
t0 = clock()
for _ in range(ITERS):
    iteration()
total = (clock() - t0) / ITERS * 1e6
for name, s in acc.items():
    print('%s\t%.3f' % (name, s / ITERS * 1e6))
print('total\t%.3f' % total)
