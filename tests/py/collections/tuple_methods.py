# tuple: constructor, index/count, dunders, subclasses and hashing.
t = (1, 2, 3, 2, 1)
print(t.index(2), t.index(2, 2), t.index(1, -1), t.count(2), t.count(9), t.index(3, -100, 100))
for bad in [lambda: t.index(9), lambda: t.index(1, 1, 4), lambda: (1,).index(), lambda: t.count(),
            lambda: tuple(1), lambda: tuple(1, 2), lambda: tuple(x=1), lambda: t[10], lambda: t["a"],
            lambda: t + [1], lambda: t * "a", lambda: hash(([],)), lambda: tuple.index([], 1),
            lambda: t.__add__([1])]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)
print(tuple(), tuple([]), tuple("ab"), tuple(range(3)), tuple({1: 2, 3: 4}), tuple(x for x in "xy"))
a = (1, 2)
print(tuple(a) is a, a.__mul__(1) is a, a[:] is a, (a + ()) == a)
print(t.__len__(), t.__getitem__(-1), t.__getitem__(slice(None, None, 2)), t.__contains__(3), list(t.__iter__()))
print(a.__add__((3,)), a.__mul__(2), a.__rmul__(2), a.__eq__((1, 2)), a.__lt__((1, 3)), a.__eq__([1, 2]))
print(a.__hash__() == hash(a), a.__repr__(), (1,).__repr__(), ().__repr__())
class Point(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), type(p).__name__, p == (3, 4), hash(p) == hash((3, 4)))
d = {(3, 4): "found"}
print(d[p], p in {(3, 4)}, {p: 1}[(3, 4)])
class T(tuple):
    pass
tt = T([5, 6, 7])
print(tt, tt + (8,), type(tt + (8,)).__name__, tt[1:], tt.index(6), tt.count(7), list(reversed(tt)))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), min((1, 2), (0, 9)), (1, 2) < (1, 2, 3), () == ())
nested = ((1, [2]), 3)
nested[0][1].append(4)
print(nested)
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))), hash(()) == hash(()))
print((1, 2, 3)[::-1], (0,) * 3, 3 * ("a",), ("x",) + ("y",))
