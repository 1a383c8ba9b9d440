# list methods: argument handling, bounds, errors and mutation during comparisons.
l = [10, 20, 30]
l.insert(-100, 5)
l.insert(100, 40)
l.insert(-1, 35)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].pop(-2), lambda: [1].pop("a"),
            lambda: [1].remove(3), lambda: [1, 2].index(3), lambda: ["a"].index("b"),
            lambda: [1].index(1, "x"), lambda: [1].index(1, None), lambda: [].insert("a", 1),
            lambda: [].append(), lambda: [].append(1, 2), lambda: [].pop(1, 2), lambda: [].insert(1),
            lambda: [].index(), lambda: [].count(), lambda: [].copy(1), lambda: [].reverse(1),
            lambda: [].extend(), lambda: [].extend(5), lambda: [].append(x=1), lambda: [].pop(x=1),
            lambda: list(1, 2), list.__len__, lambda: list.append(1, 2), lambda: list(x=1),
            lambda: [].__init__(1, 2), lambda: [] + (), lambda: [].__add__(()), lambda: [].__iadd__(1),
            lambda: [].__mul__("a"), lambda: [1][5], lambda: [1][str(1)], lambda: hash([]),
            lambda: [1, "a"].sort(), lambda: [].sort(1), lambda: [].sort(foo=1), lambda: [3, 1].sort(key=1)]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)
nums = [1, 2, 3, 2, 1, 2]
print(nums.index(2), nums.index(2, 2), nums.index(2, -2), nums.index(1, -100, 100), nums.count(2))
print(nums.index(2, 2, 4), nums.index(1, 4, 1000))
try:
    nums.index(3, 0, 2)
except ValueError as e:
    print(e)
x = [1, 2, 3]
x.extend(x)
print(x)
x.extend(range(2))
x.extend((7, 8))
x.extend({"k": 1})
x.extend("hi")
print(x)
y = [4, 5]
y += y
y += "ab"
y *= 2
print(y)
z = [1, 2]
print(z * 0, z * -1, 2 * z, z * True, z.__mul__(3), z.__rmul__(2), [].__imul__(3))
a = [1, 2]
b = a
a += [3]
a *= 2
print(a is b, b)
w = [1, 2, 3]
w.__init__([9])
print(w)
w.__init__()
print(w)
w = [1, 2]
w.__init__(w)
print(w)
c = [3, 1, 2]
d = c.copy()
d.sort()
print(c, d, c is d, c == d)
e = [[1], [2]]
f = e.copy()
f[0].append(9)
print(e, f)
print(list.__eq__([1], [1]), list.__lt__([1], (1,)), [1].__ne__([2]), [1, 2].__ge__([1]))
print([1].__contains__(1), [1].__len__(), [3, 4].__getitem__(-1), [5, 6, 7].__getitem__(slice(1, None)))
r = [1, 2, 3]
r.__setitem__(0, 9)
r.__delitem__(-1)
print(r, list(r.__iter__()), list(r.__reversed__()), r.__repr__())
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other
print([1, 2, 3].count(Eq(2)), [1, 2, 3].index(Eq(3)), Eq(1) in [0, 1])
items = [Eq(1), Eq(2)]
items.remove(2)
print(len(items), items[0].v)
# Removing during equality checks must not crash.
victims = [1, 2, 3, 4]
class Shrink:
    def __eq__(self, other):
        victims.clear()
        return False
print(victims.count(Shrink()), victims)
victims = [1, 2, 3]
try:
    victims.remove(Shrink())
except ValueError as e:
    print(e, victims)
n = [1, [2, [3, [4]]]]
print(n, repr(n), str(n))
rec = [1]
rec.append(rec)
print(rec, [rec])
print([] == [], [1] != [1], [1, 2] < [1, 2, 0], [2] > [1, 5], [1] <= [1], [[1]] == [[1]])
