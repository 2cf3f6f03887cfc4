"""The deep-network building blocks of course 1 week 4 in plain numpy (step by step and the cat
application share them), in the course's operation order."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_numpy import np


def sigmoid(Z): return 1 / (1 + np.exp(-Z)), Z
def relu(Z): return np.maximum(0, Z), Z


def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    return {'W1': np.random.randn(n_h, n_x) * 0.01, 'b1': np.zeros((n_h, 1)), 'W2': np.random.randn(n_y, n_h) * 0.01, 'b2': np.zeros((n_y, 1))}


def initialize_parameters_deep(dims, seed=3, app=False):
    np.random.seed(seed)
    p = {}
    for l in range(1, len(dims)):
        p['W' + str(l)] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1]) if app else np.random.randn(dims[l], dims[l - 1]) * 0.01
        p['b' + str(l)] = np.zeros((dims[l], 1))
    return p


def linear_forward(A, W, b):
    return np.dot(W, A) + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    Z, lc = linear_forward(A_prev, W, b)
    A, ac = sigmoid(Z) if activation == 'sigmoid' else relu(Z)
    return A, (lc, ac)


def L_model_forward(X, p):
    caches = []; A = X; L = len(p) // 2
    for l in range(1, L):
        A, c = linear_activation_forward(A, p['W' + str(l)], p['b' + str(l)], 'relu'); caches.append(c)
    AL, c = linear_activation_forward(A, p['W' + str(L)], p['b' + str(L)], 'sigmoid'); caches.append(c)
    return AL, caches


def compute_cost(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-1 / m * np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL))))


def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1. / m * np.dot(dZ, A_prev.T)
    db = 1. / m * np.sum(dZ, axis=1, keepdims=True)
    return np.dot(W.T, dZ), dW, db


def linear_activation_backward(dA, cache, activation):
    lc, ac = cache
    dZ = sigmoid_backward(dA, ac) if activation == 'sigmoid' else relu_backward(dA, ac)
    return linear_backward(dZ, lc)


def L_model_backward(AL, Y, caches):
    grads = {}; L = len(caches); Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = linear_activation_backward(dAL, caches[L - 1], 'sigmoid')
    for l in reversed(range(L - 1)):
        grads['dA' + str(l)], grads['dW' + str(l + 1)], grads['db' + str(l + 1)] = linear_activation_backward(grads['dA' + str(l + 1)], caches[l], 'relu')
    return grads


def update_parameters(params, grads, lr):
    p = {k: v.copy() for k, v in params.items()}
    for l in range(len(p) // 2):
        p['W' + str(l + 1)] = p['W' + str(l + 1)] - lr * grads['dW' + str(l + 1)]
        p['b' + str(l + 1)] = p['b' + str(l + 1)] - lr * grads['db' + str(l + 1)]
    return p
