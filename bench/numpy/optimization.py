#!/usr/bin/python3
"""The optimization assignment's computations in plain numpy, printing what the source notebook prints: the
graded functions on the course's test cases, then mini-batch gradient descent, momentum and Adam on the moons
dataset (5000 epochs each), then learning-rate decay (update_lr every epoch; schedule_lr_decay for all three); after each training, the grid its decision-boundary
plot evaluates the model on."""
import sys, os, time, math
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
t_import = time.perf_counter()
from bench_numpy import np, boundary_predictions
import sklearn.datasets
print('numpy import seconds: %.4f' % (time.perf_counter() - t_import), file=sys.stderr)


def load_dataset():
    np.random.seed(3)
    X, Y = sklearn.datasets.make_moons(n_samples=300, noise=.2)
    return X.T, Y.reshape((1, Y.shape[0]))


def sigmoid(x): return 1 / (1 + np.exp(-x))
def relu(x): return np.maximum(0, x)


def initialize_parameters(dims):
    np.random.seed(3)
    p = {}
    for l in range(1, len(dims)):
        p['W' + str(l)] = np.random.randn(dims[l], dims[l - 1]) * np.sqrt(2 / dims[l - 1])
        p['b' + str(l)] = np.zeros((dims[l], 1))
    return p


def forward(X, p):
    z1 = np.dot(p['W1'], X) + p['b1']; a1 = relu(z1)
    z2 = np.dot(p['W2'], a1) + p['b2']; a2 = relu(z2)
    z3 = np.dot(p['W3'], a2) + p['b3']; a3 = sigmoid(z3)
    return a3, (z1, a1, p['W1'], p['b1'], z2, a2, p['W2'], p['b2'], z3, a3, p['W3'], p['b3'])


def backward(X, Y, cache):
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1. / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T); db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3); dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T); db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2); dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T); db1 = np.sum(dz1, axis=1, keepdims=True)
    return {'dz3': dz3, 'dW3': dW3, 'db3': db3, 'da2': da2, 'dz2': dz2, 'dW2': dW2, 'db2': db2,
            'da1': da1, 'dz1': dz1, 'dW1': dW1, 'db1': db1}


def compute_cost(a3, Y):
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return np.sum(logprobs)


def update_parameters_with_gd(p, g, lr):
    for l in range(1, len(p) // 2 + 1):
        p['W' + str(l)] = p['W' + str(l)] - lr * g['dW' + str(l)]
        p['b' + str(l)] = p['b' + str(l)] - lr * g['db' + str(l)]
    return p


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    permutation = list(np.random.permutation(m))
    sX = X[:, permutation]; sY = Y[:, permutation].reshape((1, m))
    batches = []
    n = math.floor(m / mini_batch_size)
    for k in range(n):
        batches.append((sX[:, k * mini_batch_size:(k + 1) * mini_batch_size], sY[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        batches.append((sX[:, n * mini_batch_size:], sY[:, n * mini_batch_size:]))
    return batches


def initialize_velocity(p):
    v = {}
    for l in range(1, len(p) // 2 + 1):
        v['dW' + str(l)] = np.zeros(p['W' + str(l)].shape); v['db' + str(l)] = np.zeros(p['b' + str(l)].shape)
    return v


def update_parameters_with_momentum(p, g, v, beta, lr):
    for l in range(1, len(p) // 2 + 1):
        for a in ['W', 'b']:
            k = a + str(l)
            v['d' + k] = beta * v['d' + k] + (1 - beta) * g['d' + k]
            p[k] = p[k] - lr * v['d' + k]
    return p, v


def initialize_adam(p):
    return initialize_velocity(p), initialize_velocity(p)


def update_parameters_with_adam(p, g, v, s, t, lr=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    vc, sc = {}, {}
    for l in range(1, len(p) // 2 + 1):
        for a in ['W', 'b']:
            k = 'd' + a + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * g[k]
            vc[k] = v[k] / (1 - np.power(beta1, t))
            s[k] = beta2 * s[k] + (1 - beta2) * np.power(g[k], 2)
            sc[k] = s[k] / (1 - np.power(beta2, t))
            p[a + str(l)] = p[a + str(l)] - lr * vc[k] / (np.sqrt(sc[k]) + epsilon)
    return p, v, s, vc, sc


def update_lr(lr0, epoch_num, decay_rate):
    return 1 / (1 + decay_rate * epoch_num) * lr0


def schedule_lr_decay(lr0, epoch_num, decay_rate, time_interval=1000):
    return 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * lr0


def model(X, Y, dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9, beta1=0.9, beta2=0.999,
          epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1):
    t = 0; seed = 10; m = X.shape[1]; lr0 = learning_rate
    p = initialize_parameters(dims)
    if optimizer == 'momentum': v = initialize_velocity(p)
    elif optimizer == 'adam': v, s = initialize_adam(p)
    for i in range(num_epochs):
        seed = seed + 1
        cost_total = 0
        for (mX, mY) in random_mini_batches(X, Y, mini_batch_size, seed):
            a3, caches = forward(mX, p)
            cost_total += compute_cost(a3, mY)
            g = backward(mX, mY, caches)
            if optimizer == 'gd': p = update_parameters_with_gd(p, g, learning_rate)
            elif optimizer == 'momentum': p, v = update_parameters_with_momentum(p, g, v, beta, learning_rate)
            else:
                t = t + 1
                p, v, s, _, _ = update_parameters_with_adam(p, g, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if decay: learning_rate = decay(lr0, i, decay_rate)
        if i % 1000 == 0:
            print('Cost after epoch %i: %f' % (i, cost_avg))
            if decay: print('learning rate after epoch %i: %f' % (i, learning_rate))
    return p


def predict(X, y, p):
    a3, _ = forward(X, p)
    print('Accuracy: ' + str(np.mean(((a3 > 0.5).astype(int))[0, :] == y[0, :])))


def show(name, a):
    print(name + ' =\n' + str(a))


def params_and_grads():
    """The course's test cases: seed 1, then W1, b1, W2, b2 and their gradients, in that order."""
    np.random.seed(1)
    p = {'W1': np.random.randn(2, 3), 'b1': np.random.randn(2, 1), 'W2': np.random.randn(3, 3), 'b2': np.random.randn(3, 1)}
    g = {'dW1': np.random.randn(2, 3), 'db1': np.random.randn(2, 1), 'dW2': np.random.randn(3, 3), 'db2': np.random.randn(3, 1)}
    return p, g


def test_cases():
    """The prints of the notebook's cells after the graded functions up to Adam."""
    p, g = params_and_grads()
    p = update_parameters_with_gd(p, g, 0.01)
    for k in ['W1', 'b1', 'W2', 'b2']:
        show(k, p[k])
    np.random.seed(1)
    X = np.random.randn(12288, 148)
    Y = np.random.randn(1, 148) < 0.5
    batches = random_mini_batches(X, Y, 64)
    for j in (0, 1):
        for i, nth in enumerate(['1st', '2nd', '3rd']):
            print('shape of the %s mini_batch_%s: %s' % (nth, 'XY'[j], str(batches[i][j].shape)))
    print('mini batch sanity check: ' + str(batches[0][0][0][0:3]))
    p, g = params_and_grads()
    v = initialize_velocity(p)
    for k in ['dW1', 'db1', 'dW2', 'db2']:
        show('v["%s"]' % k, v[k])
    p, v = update_parameters_with_momentum(p, g, v, 0.9, 0.01)
    for k in ['W1', 'b1', 'W2', 'b2']:
        show(k, p[k])
    for k in ['dW1', 'db1', 'dW2', 'db2']:
        show('v["%s"]' % k, v[k])
    p, g = params_and_grads()
    v, s = initialize_adam(p)
    for k in ['dW1', 'db1', 'dW2', 'db2']:
        show('v["%s"]' % k, v[k])
    for k in ['dW1', 'db1', 'dW2', 'db2']:
        show('s["%s"]' % k, s[k])
    p, v, s, vc, sc = update_parameters_with_adam(p, g, v, s, 2, 0.02, 0.8, 0.888, 1e-2)
    for k in ['W1', 'b1', 'W2', 'b2']:
        show(k, p[k])


RUNS = [('gd', dict(optimizer='gd')), ('momentum', dict(optimizer='momentum', beta=0.9)), ('adam', dict(optimizer='adam')),
        ('gd, update_lr', dict(optimizer='gd', learning_rate=0.1, num_epochs=5000, decay=update_lr)),
        ('gd, schedule_lr_decay', dict(optimizer='gd', learning_rate=0.1, num_epochs=5000, decay=schedule_lr_decay)),
        ('momentum, schedule_lr_decay', dict(optimizer='momentum', learning_rate=0.1, num_epochs=5000, decay=schedule_lr_decay)),
        ('adam, schedule_lr_decay', dict(optimizer='adam', learning_rate=0.01, num_epochs=5000, decay=schedule_lr_decay))]


if __name__ == '__main__':
    t0 = time.perf_counter()
    test_cases()
    train_X, train_Y = load_dataset()
    dims = [train_X.shape[0], 5, 2, 1]
    for name, kw in RUNS:
        if name == 'gd, update_lr':
            print('Original learning rate: ', 0.5)
            print('Updated learning rate: ', update_lr(0.5, 2, 1))
        if name == 'gd, schedule_lr_decay':
            print('Original learning rate: ', 0.5)
            print('Updated learning rate after 10 epochs: ', float(schedule_lr_decay(0.5, 10, 0.3, 100)))
            print('Updated learning rate after 100 epochs: ', float(schedule_lr_decay(0.5, 100, 0.3, 100)))
        t1 = time.perf_counter()
        p = model(train_X, train_Y, dims, **kw)
        print('numpy seconds (%s): %.3f' % (name, time.perf_counter() - t1), file=sys.stderr)
        predict(train_X, train_Y, p)
        boundary_predictions(forward, p, train_X)  # the notebook's decision-boundary plot
    print('numpy seconds: %.4f' % (time.perf_counter() - t0), file=sys.stderr)
