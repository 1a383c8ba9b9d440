# Helper module that itself imports another helper and a standard module.
import math
import _counter

def hyp(a, b):
    _counter.bump()
    return math.sqrt(a * a + b * b)

def mean(xs):
    return sum(xs) / len(xs)

VERSION = (1, 2)
