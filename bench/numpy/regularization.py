#!/usr/bin/python3
"""The regularization assignment's computations in plain numpy: three 30000-iteration trainings of a
[2, 20, 3, 1] network on data.mat (no regularization, L2 with lambda 0.7, dropout keep_prob 0.86), each
followed by the grid its decision-boundary plot evaluates the model on."""
import sys, os, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
t_import = time.perf_counter()
from bench_numpy import np, boundary_predictions
import scipy.io
print('numpy import seconds: %.4f' % (time.perf_counter() - t_import), file=sys.stderr)

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


def load_2D_dataset():
    for d in [os.environ.get('TSDL_DATA', ''), os.path.join(REPO, 'datasets')]:
        f = os.path.join(d, 'data.mat')
        if d and os.path.exists(f):
            data = scipy.io.loadmat(f)
            return data['X'].T, data['y'].T, data['Xval'].T, data['yval'].T
    raise FileNotFoundError('data.mat')


def sigmoid(x): return 1 / (1 + np.exp(-x))
def relu(x): return np.maximum(0, x)


def initialize_parameters(dims):
    np.random.seed(3)
    p = {}
    for l in range(1, len(dims)):
        p['W' + str(l)] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        p['b' + str(l)] = np.zeros((dims[l], 1))
    return p


def forward(X, p):
    Z1 = np.dot(p['W1'], X) + p['b1']; A1 = relu(Z1)
    Z2 = np.dot(p['W2'], A1) + p['b2']; A2 = relu(Z2)
    Z3 = np.dot(p['W3'], A2) + p['b3']; A3 = sigmoid(Z3)
    return A3, (Z1, A1, p['W1'], p['b1'], Z2, A2, p['W2'], p['b2'], Z3, A3, p['W3'], p['b3'])


def forward_dropout(X, p, keep_prob):
    np.random.seed(1)
    Z1 = np.dot(p['W1'], X) + p['b1']; A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1]); D1 = (D1 < keep_prob).astype(int); A1 = A1 * D1; A1 = A1 / keep_prob
    Z2 = np.dot(p['W2'], A1) + p['b2']; A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1]); D2 = (D2 < keep_prob).astype(int); A2 = A2 * D2; A2 = A2 / keep_prob
    Z3 = np.dot(p['W3'], A2) + p['b3']; A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, p['W1'], p['b1'], Z2, D2, A2, p['W2'], p['b2'], Z3, A3, p['W3'], p['b3'])


def compute_cost(a3, Y):
    m = Y.shape[1]
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1. / m * np.nansum(logprobs)


def cost_l2(A3, Y, p, lambd):
    m = Y.shape[1]
    l2 = 1. / m * lambd / 2 * (np.sum(np.square(p['W1'])) + np.sum(np.square(p['W2'])) + np.sum(np.square(p['W3'])))
    return compute_cost(A3, Y) + l2


def backward(X, Y, cache, lambd=0, D=None, keep_prob=1):
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    if lambd: dW3 = dW3 + lambd / m * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    if D is not None: dA2 = dA2 * D[1]; dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    if lambd: dW2 = dW2 + lambd / m * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    if D is not None: dA1 = dA1 * D[0]; dA1 = dA1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    if lambd: dW1 = dW1 + lambd / m * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2, 'dW3': dW3, 'db3': db3}


def model(X, Y, learning_rate=0.3, num_iterations=30000, lambd=0, keep_prob=1):
    p = initialize_parameters([X.shape[0], 20, 3, 1])
    for i in range(num_iterations):
        if keep_prob == 1:
            a3, cache = forward(X, p)
        else:
            a3, c = forward_dropout(X, p, keep_prob)
            cache = (c[0], c[2], c[3], c[4], c[5], c[7], c[8], c[9], c[10], c[11], c[12], c[13])
        cost = compute_cost(a3, Y) if lambd == 0 else cost_l2(a3, Y, p, lambd)
        if keep_prob == 1:
            g = backward(X, Y, cache, lambd)
        else:
            g = backward(X, Y, cache, 0, (c[1], c[6]), keep_prob)
        for l in range(1, 4):
            p['W' + str(l)] = p['W' + str(l)] - learning_rate * g['dW' + str(l)]
            p['b' + str(l)] = p['b' + str(l)] - learning_rate * g['db' + str(l)]
        if i % 10000 == 0:
            print('Cost after iteration {}: {}'.format(i, cost))
    return p


def predict(X, y, p):
    a3, _ = forward(X, p)
    print('Accuracy: ' + str(np.mean(((a3 > 0.5).astype(int))[0, :] == y[0, :])))


def test_case_params():
    return {k: np.random.randn(*s) for k, s in [('W1', (2, 3)), ('b1', (2, 1)), ('W2', (3, 2)), ('b2', (3, 1)), ('W3', (1, 3)), ('b3', (1, 1))]}


def rounded(cache):
    # The course's test cases write their caches out to 8 decimals (numpy's repr).
    return tuple(a if a.dtype.kind != 'f' else np.array([[float(np.format_float_positional(v, precision=8, unique=False)) for v in r] for r in a]) for a in cache)


def public_test_values():
    Y = np.array([[1, 1, 0, 1, 0]])
    np.random.seed(1)
    p = test_case_params()
    a3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
    print('cost = ' + str(cost_l2(a3, Y, p, 0.1)))
    np.random.seed(1)
    X = np.random.randn(3, 5)
    p = test_case_params()
    g = backward(X, Y, forward(X, p)[1], 0.7)
    for k in ['dW1', 'dW2', 'dW3']:
        print(k + ' = ' + str(g[k]))
    print('A3 = ' + str(forward_dropout(X, p, 0.7)[0]))
    c = rounded(forward_dropout(X, p, 0.5)[1])
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = c
    dZ3 = A3 - Y
    dA2 = np.dot(W3.T, dZ3) * D2 / 0.8
    dA1 = np.dot(W2.T, np.multiply(dA2, np.int64(A2 > 0))) * D1 / 0.8
    print('dA1 = ' + str(dA1))
    print('dA2 = ' + str(dA2))


if __name__ == '__main__':
    np.seterr(divide='ignore', invalid='ignore')  # the dropout run's saturated outputs (nansum skips them)
    t0 = time.perf_counter()
    public_test_values()
    train_X, train_Y, test_X, test_Y = load_2D_dataset()
    for kw in [{}, {'lambd': 0.7}, {'keep_prob': 0.86}]:
        p = model(train_X, train_Y, **kw)
        print('On the training set:'); predict(train_X, train_Y, p)
        print('On the test set:'); predict(test_X, test_Y, p)
        boundary_predictions(forward, p, train_X, margin=0.1)  # the notebook's decision-boundary plot
    print('numpy seconds: %.4f' % (time.perf_counter() - t0), file=sys.stderr)
