# sys.getsizeof: CPython 3.11's sizes on 64-bit builds for the common objects.
import sys
from sys import getsizeof as g

print([g(x) for x in [0, 1, -1, 2**30 - 1, 2**30, 2**60 - 1, 2**60, 2**90, -(2**90), True, False]])
print(g(1.5), g(0.0), g(None), g(...), g(NotImplemented))
print([g(s) for s in ["", "a", "abc", "a" * 100, "\u00e9", "ab\u00e9", "\u20ac", "a\u20ac", "\U0001F600"]])
print(g(b""), g(b"abc"), g(bytearray()), g(bytearray(b"abc")), g(bytearray(10)))
print(g(()), g((1,)), g((1, 2, 3)), g(tuple(range(10))))
print(g([]), g(list(range(10))), g([0] * 10))
grow = []
sizes = []
for i in range(16):
    grow.append(i)
    sizes.append(g(grow))
print(sizes)
print(g({}), g({"a": 1}), g({1: 1}), g({i: i for i in range(5)}), g({i: i for i in range(6)}))
print(g({str(i): i for i in range(6)}), g(dict.fromkeys(range(11))), g(dict.fromkeys(range(22))))
d = {}
for i in range(6):
    d[i] = i
print(g(d))
d.clear()
print(g(d))
print(g(set()), g({1}), g(frozenset()), g(frozenset({1, 2})))
s = set()
for i in range(40):
    s.add(i)
print(g(s))
print(g(range(10)), g(slice(1, 2)), g(object()))


class A:
    pass


def f():
    pass


class Sized:
    def __sizeof__(self):
        return 100


print(g(A()), g(f), g(len), g(sys), g(iter([])), g(iter(range(3))), g(iter({})), g(Sized()))
print(g(1, 5), g([], 7), g(object=3))
