#!/usr/bin/python3
"""The step-by-step assignment's computations in plain numpy: every building block on the course's
test cases (same seeds and draw order as grader/assignments/step_by_step/lib/test_cases.ts), printing the same
lines as the source notebook (without the public tests' check lines)."""
import sys, os, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
t_import = time.perf_counter()
import dnn  # noqa: E402
from dnn import np  # noqa: E402
print('numpy import seconds: %.4f' % (time.perf_counter() - t_import), file=sys.stderr)

t0 = time.perf_counter()

p = dnn.initialize_parameters(3, 2, 1)
for k in ['W1', 'b1', 'W2', 'b2']:
    print(k + ' = ' + str(p[k]))

p = dnn.initialize_parameters_deep([5, 4, 3])
for k in ['W1', 'b1', 'W2', 'b2']:
    print(k + ' = ' + str(p[k]))

np.random.seed(1)
A = np.random.randn(3, 2); W = np.random.randn(1, 3); b = np.random.randn(1, 1)
print('Z = ' + str(dnn.linear_forward(A, W, b)[0]))

np.random.seed(2)
A = np.random.randn(3, 2); W = np.random.randn(1, 3); b = np.random.randn(1, 1)
print('With sigmoid: A = ' + str(dnn.linear_activation_forward(A, W, b, 'sigmoid')[0]))
print('With ReLU: A = ' + str(dnn.linear_activation_forward(A, W, b, 'relu')[0]))

np.random.seed(6)
X = np.random.randn(5, 4)
q = {}
for k, s in [('W1', (4, 5)), ('b1', (4, 1)), ('W2', (3, 4)), ('b2', (3, 1)), ('W3', (1, 3)), ('b3', (1, 1))]:
    q[k] = np.random.randn(*s)
AL, caches = dnn.L_model_forward(X, q)
print('AL = ' + str(AL))
print('Length of caches list = ' + str(len(caches)))

print('cost = ' + str(dnn.compute_cost(np.array([[.8, .9, 0.4]]), np.asarray([[1, 1, 0]]))))

np.random.seed(1)
dZ = np.random.randn(3, 4); A = np.random.randn(5, 4); W = np.random.randn(3, 5); b = np.random.randn(3, 1)
dA_prev, dW, db = dnn.linear_backward(dZ, (A, W, b))
print('dA_prev = ' + str(dA_prev))
print('dW = ' + str(dW))
print('db = ' + str(db))

np.random.seed(2)
dA = np.random.randn(1, 2); A = np.random.randn(3, 2); W = np.random.randn(1, 3); b = np.random.randn(1, 1); Z = np.random.randn(1, 2)
for act in ['sigmoid', 'relu']:
    dA_prev, dW, db = dnn.linear_activation_backward(dA, ((A, W, b), Z), act)
    print('With %s: dA_prev = %s\ndW = %s\ndb = %s' % (act, dA_prev, dW, db))

np.random.seed(3)
AL = np.random.randn(1, 2); Y = np.array([[1, 0]])
A1 = np.random.randn(4, 2); W1 = np.random.randn(3, 4); b1 = np.random.randn(3, 1); Z1 = np.random.randn(3, 2)
A2 = np.random.randn(3, 2); W2 = np.random.randn(1, 3); b2 = np.random.randn(1, 1); Z2 = np.random.randn(1, 2)
grads = dnn.L_model_backward(AL, Y, [((A1, W1, b1), Z1), ((A2, W2, b2), Z2)])
for k in ['dA0', 'dA1', 'dW1', 'db1']:
    print(k + ' = ' + str(grads[k]))

np.random.seed(2)
p = {'W1': np.random.randn(3, 4), 'b1': np.random.randn(3, 1), 'W2': np.random.randn(1, 3), 'b2': np.random.randn(1, 1)}
np.random.seed(3)
g = {'dW1': np.random.randn(3, 4), 'db1': np.random.randn(3, 1), 'dW2': np.random.randn(1, 3), 'db2': np.random.randn(1, 1)}
p = dnn.update_parameters(p, g, 0.1)
for k in ['W1', 'b1', 'W2', 'b2']:
    print(k + ' = ' + str(p[k]))

print('numpy seconds: %.4f' % (time.perf_counter() - t0), file=sys.stderr)
