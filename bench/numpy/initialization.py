#!/usr/bin/python3
"""The initialization assignment's computations in plain numpy: three 15000-iteration trainings of
a 3-layer network on the circles dataset (zeros / large random / He initialization), with the
notebook's prints (each initializer's test case, the predictions) and the grid each decision-boundary
plot evaluates the model on."""
import sys, os, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
t_import = time.perf_counter()
from bench_numpy import np, boundary_predictions
import sklearn.datasets
print('numpy import seconds: %.4f' % (time.perf_counter() - t_import), file=sys.stderr)


def circles():
    np.random.seed(1)
    train_X, train_Y = sklearn.datasets.make_circles(n_samples=300, noise=.05)
    np.random.seed(2)
    test_X, test_Y = sklearn.datasets.make_circles(n_samples=100, noise=.05)
    return train_X.T, train_Y.reshape((1, -1)), test_X.T, test_Y.reshape((1, -1))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def forward(X, p):
    z1 = np.dot(p["W1"], X) + p["b1"]; a1 = relu(z1)
    z2 = np.dot(p["W2"], a1) + p["b2"]; a2 = relu(z2)
    z3 = np.dot(p["W3"], a2) + p["b3"]; a3 = sigmoid(z3)
    return a3, (z1, a1, z2, a2, z3, a3)


def backward(X, Y, p, cache):
    m = X.shape[1]
    z1, a1, z2, a2, z3, a3 = cache
    dz3 = 1. / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T); db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(p["W3"].T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T); db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(p["W2"].T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T); db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


def loss(a3, Y):
    m = Y.shape[1]
    with np.errstate(divide='ignore', invalid='ignore'):
        logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1. / m * np.nansum(logprobs)


def init(kind, dims):
    p = {}
    if kind != "zeros":
        np.random.seed(3)
    for l in range(1, len(dims)):
        if kind == "zeros":
            p["W" + str(l)] = np.zeros((dims[l], dims[l - 1]))
        elif kind == "random":
            p["W" + str(l)] = np.random.randn(dims[l], dims[l - 1]) * 10
        else:
            p["W" + str(l)] = np.random.randn(dims[l], dims[l - 1]) * np.sqrt(2. / dims[l - 1])
        p["b" + str(l)] = np.zeros((dims[l], 1))
    return p


def model(X, Y, kind, lr=0.01, iters=15000):
    p = init(kind, [X.shape[0], 10, 5, 1])
    for i in range(iters):
        a3, cache = forward(X, p)
        cost = loss(a3, Y)
        g = backward(X, Y, p, cache)
        for l in range(1, 4):
            p["W" + str(l)] = p["W" + str(l)] - lr * g["dW" + str(l)]
            p["b" + str(l)] = p["b" + str(l)] - lr * g["db" + str(l)]
        if i % 1000 == 0:
            print("Cost after iteration {}: {}".format(i, cost))
    return p


def predict(X, y, p):
    a3, _ = forward(X, p)
    pred = (a3 > 0.5).astype(int)
    print("Accuracy: " + str(np.mean(pred[0, :] == y[0, :])))
    return pred


def show_params(p):
    for k in ["W1", "b1", "W2", "b2"]:
        print(k + " = " + str(p[k]))


if __name__ == '__main__':
    t0 = time.perf_counter()
    train_X, train_Y, test_X, test_Y = circles()
    for kind, dims in [("zeros", [3, 2, 1]), ("random", [3, 2, 1]), ("he", [2, 4, 1])]:
        show_params(init(kind, dims))
        p = model(train_X, train_Y, kind)
        print("On the train set:"); pred_train = predict(train_X, train_Y, p)
        print("On the test set:"); pred_test = predict(test_X, test_Y, p)
        if kind != "he":
            print("predictions_train = " + str(pred_train))
            print("predictions_test = " + str(pred_test))
        boundary_predictions(forward, p, train_X)  # the decision-boundary plot
    print("numpy seconds: %.4f" % (time.perf_counter() - t0), file=sys.stderr)
