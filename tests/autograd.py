"""A tiny scalar reverse-mode autograd, in the spirit of micrograd, written apart from
`mlp` so that its gradients are an independent check of `mlp.backprop`."""

from __future__ import annotations

import math


class Value:
    def __init__(self, data, parents=(), local_grads=()):
        self.data = float(data)
        self.grad = 0.0
        self._parents = parents
        self._local = local_grads

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    __radd__ = __add__

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other if isinstance(other, Value) else Value(-other))

    def __rsub__(self, other):
        return Value(other) - self

    def __truediv__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return self * other.inv()

    def inv(self):
        return Value(1.0 / self.data, (self,), (-1.0 / self.data**2,))

    def exp(self):
        e = math.exp(self.data)
        return Value(e, (self,), (e,))

    def log(self):
        return Value(math.log(self.data), (self,), (1.0 / self.data,))

    def sigmoid(self):
        s = 1.0 / (1.0 + math.exp(-self.data))
        return Value(s, (self,), (s * (1 - s),))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1 - t * t,))

    def relu(self):
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,))

    def backward(self):
        order, seen = [], set()

        def visit(v):
            if id(v) not in seen:
                seen.add(id(v))
                for p in v._parents:
                    visit(p)
                order.append(v)

        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            for p, g in zip(v._parents, v._local):
                p.grad += g * v.grad


def network_error(weights, X, y, activation):
    """The cross-entropy of a network written with scalars only (no matrices).

    ``weights`` is a nested list of Values [layer][row][col], bias in the last row.
    """
    m = len(X)
    total = Value(0.0)
    n_out = len(weights[-1][0])
    for xi, yi in zip(X, y):
        a = [Value(v) for v in xi]
        for k, W in enumerate(weights):
            n_in, n_units = len(W) - 1, len(W[0])
            hs = []
            for j in range(n_units):
                h = W[n_in][j]  # the bias row
                for i in range(n_in):
                    h = h + a[i] * W[i][j]
                hs.append(h)
            if k < len(weights) - 1:
                a = [getattr(h, activation)() for h in hs]
            else:
                a = hs
        if n_out == 1:
            p = a[0].sigmoid()
            total = total - (yi * p.log() + (1 - yi) * (1 - p).log())
        else:
            exps = [h.exp() for h in a]
            z = exps[0]
            for e in exps[1:]:
                z = z + e
            total = total - (exps[int(yi)] / z).log()
    return total / m
