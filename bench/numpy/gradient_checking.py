#!/usr/bin/python3
"""The gradient-checking assignment's computations in plain numpy: the 1-D checks and the N-D check
with the planted mistakes and with them fixed (and the N-D check once more, as the notebook's public
test runs it)."""
import sys, os, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
t_import = time.perf_counter()
from bench_numpy import np
print('numpy import seconds: %.4f' % (time.perf_counter() - t_import), file=sys.stderr)
t0 = time.perf_counter()
def relu(x): return np.maximum(0,x)
def sigmoid(x): return 1/(1+np.exp(-x))
def fwd(X, Y, p):
    m = X.shape[1]
    W1,b1,W2,b2,W3,b3 = p["W1"],p["b1"],p["W2"],p["b2"],p["W3"],p["b3"]
    Z1 = np.dot(W1, X) + b1; A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2; A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3; A3 = sigmoid(Z3)
    logprobs = np.multiply(-np.log(A3),Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cost = 1. / m * np.sum(logprobs)
    return cost, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
def bwd(X, Y, cache, bug=True):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) * (2 if bug else 1)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = (4. if bug else 1.) / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
def d2v(p, keys):
    return np.concatenate([np.reshape(p[k], (-1, 1)) for k in keys], axis=0)
def v2d(t):
    return {"W1": t[:20].reshape((5,4)), "b1": t[20:25].reshape((5,1)), "W2": t[25:40].reshape((3,5)), "b2": t[40:43].reshape((3,1)), "W3": t[43:46].reshape((1,3)), "b3": t[46:47].reshape((1,1))}
def msg(difference):
    if difference > 2e-7:
        print("\033[93m" + "There is a mistake in the backward propagation! difference = " + str(difference) + "\033[0m")
    else:
        print("\033[92m" + "Your backward propagation works perfectly fine! difference = " + str(difference) + "\033[0m")
def check_n(p, g, X, Y, eps=1e-7):
    pv = d2v(p, ["W1","b1","W2","b2","W3","b3"]); grad = d2v(g, ["dW1","db1","dW2","db2","dW3","db3"])
    n = pv.shape[0]; Jp = np.zeros((n,1)); Jm = np.zeros((n,1)); ga = np.zeros((n,1))
    for i in range(n):
        tp = np.copy(pv); tp[i] = tp[i] + eps; Jp[i], _ = fwd(X, Y, v2d(tp))
        tm = np.copy(pv); tm[i] = tm[i] - eps; Jm[i], _ = fwd(X, Y, v2d(tm))
        ga[i] = (Jp[i] - Jm[i]) / (2 * eps)
    num = np.linalg.norm(grad - ga); den = np.linalg.norm(grad) + np.linalg.norm(ga)
    return num / den
def gradient_check(x, theta, eps=1e-7):
    J_plus = (theta + eps) * x; J_minus = (theta - eps) * x
    gradapprox = (J_plus - J_minus) / (2 * eps); grad = x
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))
x, theta = 2, 4
print("J = " + str(theta * x))
print("dtheta = " + str(x))
msg(gradient_check(2, 4))
msg(gradient_check(3, 4))
np.random.seed(1)
x = np.random.randn(4,3); y = np.array([1, 1, 0])
p = {"W1": np.random.randn(5,4), "b1": np.random.randn(5,1), "W2": np.random.randn(3,5), "b2": np.random.randn(3,1), "W3": np.random.randn(1,3), "b3": np.random.randn(1,1)}
cost, cache = fwd(x, y, p)
g = bwd(x, y, cache, True)
msg(check_n(p, g, x, y))
check_n(p, g, x, y)  # the notebook's public test of gradient_check_n runs it once more
difference = check_n(p, bwd(x, y, cache, False), x, y)
msg(difference)
print('difference with the corrected gradients = ' + str(difference))
print('numpy seconds: %.4f' % (time.perf_counter() - t0), file=sys.stderr)
