# set and frozenset methods: construction, mutation, algebra with any iterables, errors.
print(set(), set([3, 1, 2]), set("abca") == {"a", "b", "c"}, set(range(5)), set({4: "x", 2: "y"}), set((9, 9, 8)))
print(frozenset(), frozenset([2, 1]), frozenset(range(3)), type(frozenset()).__name__)
f = frozenset([1, 2])
print(frozenset(f) is f, f.copy() is f, set(f) == f, set(f) is f)
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([5, 1], (7,), {9: 0}, "")
print(s, len(s))
s.discard(100)
s.discard(5)
s.remove(7)
print(s)
for bad in [lambda: s.remove(100), lambda: set().pop(), lambda: s.add([]), lambda: s.add(), lambda: set(1),
            lambda: set(1, 2), lambda: set(x=1), lambda: frozenset(x=1), lambda: frozenset(1, 2), lambda: s.update(1),
            lambda: s.union(1), lambda: s.issubset(1), lambda: s.isdisjoint(1), lambda: s.difference(1),
            lambda: s.symmetric_difference(1), lambda: s.union(x=1), lambda: f.add(1), lambda: hash(set()),
            lambda: s < [1], lambda: s | [1], lambda: s.remove([1]), lambda: {1}.remove({2}), lambda: set.add(1, 2),
            lambda: s.symmetric_difference(), lambda: s.issubset(), lambda: s.discard()]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, repr(e))
a = set([1, 2, 3, 4])
b = [3, 4, 5, 3]
print(a.union(b), a.union(b, (6,), "x" * 0), a.union(), a.intersection(b), a.intersection(b, [4]), a.intersection())
print(a.difference(b), a.difference(b, [1]), a.difference(), a.symmetric_difference(b), a.symmetric_difference(a))
print(a.issubset(range(10)), a.issubset([1, 2]), a.issuperset([1, 1, 2]), a.issuperset(range(9)), a.isdisjoint([7, 8]), a.isdisjoint(iter([4])))
c = set(a)
c.intersection_update([2, 3, 9], range(3))
print(c)
c = set(a)
c.difference_update([1], {2})
print(c)
c = set(a)
c.symmetric_difference_update([4, 5, 5])
print(c)
c.symmetric_difference_update(c)
print(c)
c = set(a)
c.intersection_update()
c.difference_update()
print(c, c == a, c is a)
print(type(f.union([3])).__name__, type(f | {3}).__name__, type({3} | f).__name__, type(f.intersection(a)).__name__, type(set.union(a, f)).__name__)
print(f | {3}, f & {2, 3}, f - {1}, f ^ {2, 5})
x = set([1, 2])
y = x
x |= {3}
x &= {1, 3, 4}
x -= {1}
x ^= {8}
print(x, y is x)
fz = frozenset([1])
fz0 = fz
fz |= {2}
print(fz, fz0, fz is fz0, type(fz).__name__)
print({1, 2} == frozenset([1, 2]), frozenset([1]) == {1}, {1} != {1, 2}, {1} < {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {1, 2})
print({1, 2} > {1}, {1} >= {1, 2}, {1}.__eq__([1]), {1}.__lt__({2}), {1}.__le__(frozenset([1])), set() < {0})
print({1}.__or__({2}), {1}.__or__([2]), {1}.__ror__({2}), {1}.__sub__({1}), {2}.__rsub__({1, 2}), {1}.__xor__({2}), frozenset([1]).__and__({1}))
w = {1, 2}
print(w.__ior__({3}) is w, w, w.__iand__([1]), w.__isub__({1}), w.__ixor__({5}))
print({frozenset([1])}.__contains__({1}), {1}.__contains__({1}), {1}.__contains__(1), set().__len__(), sorted({3, 1}.__iter__()))
fs = {frozenset([1, 2]), frozenset()}
fs.remove({1, 2})
fs.discard(set())
print(fs, frozenset([1, 2]) in {frozenset([2, 1])})
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), frozenset([1]).__hash__() == hash(frozenset([1])), {frozenset(): 1}[frozenset()])
g = {3, 1, 2}
h = g.copy()
h.add(4)
print(g, h, g.copy() == g, type(g.copy()).__name__)
popped = []
while g:
    popped.append(g.pop())
print(popped, g)
g.clear()
print(g, repr(g), repr(frozenset()), str({"a"}), {(1, 2)}, {None, True} == {True, None})
n = set([1.0, 1, True, 2.5])
print(n, len(n), 1 in n, 2.5 in n)
class S(set):
    pass
class F(frozenset):
    pass
print(repr(S()), repr(S([1])), S([1, 2]) | {3}, type(S([1]) | {3}).__name__, repr(F([2])), repr(F()), type(F([1]) & {1}).__name__)
