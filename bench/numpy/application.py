#!/usr/bin/python3
"""The cat-classifier assignment's computations in plain numpy: the 2-layer and the 4-layer models,
2500 iterations each, on the course's HDF5 files, and their train/test accuracies."""
import sys, os, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
t_import = time.perf_counter()
import dnn
from dnn import np
import h5py
print('numpy import seconds: %.4f' % (time.perf_counter() - t_import), file=sys.stderr)

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


def data_file(name):
    for d in [os.environ.get('TSDL_DATA', ''), os.path.join(REPO, 'datasets')]:
        if d and os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    raise FileNotFoundError(name)


def compute_cost(AL, Y):
    m = Y.shape[1]
    return np.squeeze((1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T)))


def predict(X, y, p):
    m = X.shape[1]
    probas, _ = dnn.L_model_forward(X, p)
    pred = (probas > 0.5).astype(float)
    print('Accuracy: ' + str(np.sum((pred == y) / m)))


def two_layer_model(X, Y, dims, learning_rate=0.0075, num_iterations=2500):
    np.random.seed(1)
    p = dnn.initialize_parameters(*dims)
    for i in range(num_iterations):
        A1, c1 = dnn.linear_activation_forward(X, p['W1'], p['b1'], 'relu')
        A2, c2 = dnn.linear_activation_forward(A1, p['W2'], p['b2'], 'sigmoid')
        cost = compute_cost(A2, Y)
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = dnn.linear_activation_backward(dA2, c2, 'sigmoid')
        dA0, dW1, db1 = dnn.linear_activation_backward(dA1, c1, 'relu')
        p = dnn.update_parameters(p, {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}, learning_rate)
        if i % 100 == 0 or i == num_iterations - 1:
            print('Cost after iteration {}: {}'.format(i, np.squeeze(cost)))
    return p


def L_layer_model(X, Y, dims, learning_rate=0.0075, num_iterations=2500):
    np.random.seed(1)
    p = dnn.initialize_parameters_deep(dims, seed=1, app=True)
    for i in range(num_iterations):
        AL, caches = dnn.L_model_forward(X, p)
        cost = compute_cost(AL, Y)
        p = dnn.update_parameters(p, dnn.L_model_backward(AL, Y, caches), learning_rate)
        if i % 100 == 0 or i == num_iterations - 1:
            print('Cost after iteration {}: {}'.format(i, np.squeeze(cost)))
    return p


if __name__ == '__main__':
    t0 = time.perf_counter()
    train = h5py.File(data_file('train_catvnoncat.h5'), 'r')
    test = h5py.File(data_file('test_catvnoncat.h5'), 'r')
    tx, ty = np.array(train['train_set_x'][:]), np.array(train['train_set_y'][:]).reshape(1, -1)
    vx, vy = np.array(test['test_set_x'][:]), np.array(test['test_set_y'][:]).reshape(1, -1)
    train_x = tx.reshape(tx.shape[0], -1).T / 255.
    test_x = vx.reshape(vx.shape[0], -1).T / 255.
    p = two_layer_model(train_x, ty, (12288, 7, 1))
    predict(train_x, ty, p); predict(test_x, vy, p)
    p = L_layer_model(train_x, ty, [12288, 20, 7, 5, 1])
    predict(train_x, ty, p); predict(test_x, vy, p)
    print('numpy seconds: %.4f' % (time.perf_counter() - t0), file=sys.stderr)
