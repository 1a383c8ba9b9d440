# array.array: construction, typecodes, item access, methods, operators, errors.
import array
from array import array as A


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


print(array.typecodes)
print([A(c).itemsize for c in "bBhHiIlLqQfd"])
for c in "bBhHiIlLqQfd":
    a = A(c, [1, 2, 3])
    print(c, a, a.typecode, a.itemsize, len(a), a[0], a[-1], list(a))

print(A("d", [1.0, 2.0]))
print(A("d"), A("i", []))
print(A("f", [0.1, 1.5, -2.25]))
print(A("d", [1.5, -0.0, float("inf"), float("nan")]))
print(A("d", [1, True]), A("i", [True, False]))
print(A("i", range(5)), A("h", (x * x for x in range(4))), A("b", b"\x01\xff"))
print(A("d", A("i", [1, 2])))
print(A("q", [2**63 - 1, -(2**63)]), A("Q", [2**64 - 1]), A("L", [2**63]))
print(A("u", "hi"), A("u", "hi").tounicode())

# Overflow and type errors, with CPython's messages.
for c, v in [
    ("b", 128), ("b", -129), ("B", 256), ("B", -1), ("h", 40000), ("h", -40000), ("H", -1), ("H", 70000),
    ("i", 2**31), ("i", -(2**31) - 1), ("I", -1), ("I", 2**32), ("I", 2**70), ("l", 2**63), ("L", -1),
    ("L", 2**64), ("q", 2**63), ("q", -(2**63) - 1), ("Q", -1), ("Q", 2**64), ("b", 2**70),
    ("i", 1.5), ("i", "a"), ("d", "a"), ("f", None), ("d", 2**2000),
]:
    attempt("%s %r" % (c, v), lambda: A(c, [v]))
attempt("bad typecode", lambda: A("z"))
attempt("typecode int", lambda: A(1))
attempt("typecode str2", lambda: A("ii"))
attempt("no args", lambda: A())
attempt("kw", lambda: A(typecode="i"))
attempt("str init", lambda: A("i", "ab"))
attempt("bytes len", lambda: A("d", b"abc"))
attempt("not iterable", lambda: A("i", 5))
attempt("f overflow", lambda: A("f", [1e300]))


class Idx:
    def __index__(self):
        return 7


print(A("i", [Idx()]), A("d", [Idx()]) if False else "")

# Indexing and slicing.
a = A("i", range(10))
print(a[3], a[-1], a[2:5], a[::-1], a[::3], a[5:1], a[-3:])
attempt("a[10]", lambda: a[10])
attempt("a[-11]", lambda: a[-11])
attempt("a[1.0]", lambda: a[1.0])
attempt("a['x']", lambda: a["x"])
a[0] = 100
a[-1] = -5
print(a)
attempt("a[10] = 1", lambda: a.__setitem__(10, 1))
attempt("a[0] = 1.5", lambda: a.__setitem__(0, 1.5))
attempt("a[0] = 2**40", lambda: a.__setitem__(0, 2**40))
a[1:3] = A("i", [7, 7, 7])
print(a)
a[1:8:2] = A("i", [0, 0, 0, 0])
print(a)
attempt("ext slice size", lambda: a.__setitem__(slice(1, 8, 2), A("i", [1])))
attempt("slice list", lambda: a.__setitem__(slice(0, 2), [1]))
attempt("slice kind", lambda: a.__setitem__(slice(0, 2), A("d")))
a[:] = a
print(a)
del a[0]
del a[::2]
print(a)
attempt("del a[100]", lambda: a.__delitem__(100))

# Methods.
b = A("h")
b.append(1)
b.extend([2, 3])
b.extend(A("h", [4]))
b.insert(0, 9)
b.insert(-100, 8)
b.insert(100, 10)
print(b, b.pop(), b.pop(0), b)
print(b.index(2), b.count(2), 2 in b, 99 in b, "x" in b, 1.0 in b)
b.remove(2)
print(b)
attempt("remove missing", lambda: b.remove(42))
attempt("index missing", lambda: b.index(42))
attempt("index start", lambda: b.index(9, 1))
attempt("pop empty", lambda: A("i").pop())
attempt("pop range", lambda: A("i", [1]).pop(5))
attempt("append float", lambda: A("i").append(3.0))
attempt("extend kind", lambda: A("i").extend(A("d")))
b.reverse()
print(b, b.tolist(), b.tobytes())
c = A("h")
c.frombytes(b"\x01\x00\x02\x00")
c.fromlist([5, 6])
print(c)
attempt("fromlist bad", lambda: c.fromlist([7, "x"]))
print(c)
attempt("fromlist tuple", lambda: c.fromlist((1,)))
attempt("frombytes odd", lambda: c.frombytes(b"abc"))
attempt("extend bad", lambda: c.extend([8, "x"]))
print(c)
d = A("i", [1, 2, 3, 4])
d.byteswap()
d.byteswap()
print(d, A("d", [1.0]).tobytes())

# Operators.
print(A("i", [1, 2]) + A("i", [3]), A("i", [1, 2]) * 2, 2 * A("i", [1, 2]), A("i", [3]) * -1)
attempt("add list", lambda: A("i") + [1])
attempt("add kind", lambda: A("i") + A("d"))
attempt("mul float", lambda: A("i") * 2.0)
e = A("i", [1])
e += A("i", [2])
e *= 3
print(e)
try:
    e += [1]
except TypeError as x:
    print("TypeError", x)
print(A("i", [1, 2]) == A("i", [1, 2]), A("i", [1]) == A("d", [1.0]), A("i", [1]) == [1])
print(A("i", [1, 2]) < A("i", [1, 3]), A("i", [1, 2]) <= A("i", [1, 2, 0]), A("i", [2]) > A("d", [1.5]))
print(A("d", [float("nan")]) == A("d", [float("nan")]), A("i") != A("i"), A("i").__eq__(5))
attempt("hash", lambda: hash(A("i")))
print(bool(A("i")), bool(A("i", [0])), sorted(A("i", [3, 1, 2])), sum(A("d", [0.5, 0.25])), max(A("i", [3, 9])))
print(list(reversed(A("i", [1, 2, 3]))), [x * 2 for x in A("b", [1, 2])])

import copy

f = A("i", [1, 2])
g = copy.copy(f)
g[0] = 9
print(f, g, copy.deepcopy(f))


class MyArray(A):
    def total(self):
        return sum(self)


m = MyArray("i", [1, 2, 3])
print(m, type(m).__name__, m.total(), len(m), m[1], m + m, isinstance(m, A))
m.append(4)
print(m, m.typecode)

# Iteration sees appends; types.
it = iter(A("i", [1]))
print(type(it).__name__, type(A("i")), A.__name__, array.ArrayType is A)

# A numeric loop.
n = 1000
xs = A("d", [0.0]) * n
for i in range(n):
    xs[i] = i * 0.5
total = 0.0
for i in range(n):
    total += xs[i]
print(total, xs[n - 1])
ys = A("i", range(n))
for i in range(n):
    ys[i] = ys[i] * 2
print(sum(ys))
