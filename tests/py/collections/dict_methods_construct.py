# dict construction and update from mappings, pairs and keywords; fromkeys.
print(dict(), dict({}), dict(a=1, b=2), dict({1: 2}, a=3), dict([("a", 1)], a=3), dict([(1, 2), (3, 4)]))
print(dict(["ab", "cd"]), dict([[1, 2]]), dict(((i, i * i) for i in range(4))), dict(zip("xyz", range(3))))
print(dict([(1, "a"), (1, "b"), (2, "c")]), dict({1: 2}.items()))
for bad in [lambda: dict(1), lambda: dict([1]), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]),
            lambda: dict([[1]]), lambda: dict(["ab", "cde"]), lambda: dict(1, 2), lambda: dict(1, a=2),
            lambda: {}.update([1], [2]), lambda: {}.update(5), lambda: dict.fromkeys(),
            lambda: dict.fromkeys([1], 2, 3), lambda: {}.fromkeys(1), lambda: dict.fromkeys([[1]]),
            lambda: dict([([], 1)]), lambda: {}.__init__(1, 2), lambda: dict.__init__(1)]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)
class Mapping:
    def keys(self):
        print("keys called")
        return ["x", "y"]
    def __getitem__(self, k):
        print("getitem", k)
        return k.upper()
print(dict(Mapping()))
d = {"a": 1}
d.update(Mapping(), z=26)
print(d)
d.update([("b", 2)], b=3)
d.update()
d.update({"a": 0})
d.update(c=4)
print(d)
d.__init__({"q": 1}, r=2)
print(d)
print(dict.fromkeys("abc"), dict.fromkeys([3, 1, 2], 0), dict.fromkeys(range(3), []), {}.fromkeys((1, 1, 2), "v"))
print(dict.fromkeys({10: "a", 5: "b"}), dict.fromkeys({3, 1, 2}), dict.fromkeys(frozenset([7])))
class D(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
fk = D.fromkeys([1, 2], "x")
print(type(fk).__name__, fk)
gen = (c for c in "hello")
print(dict.fromkeys(gen))
src = {"k": [1]}
cp = dict(src)
cp["k"].append(2)
cp["new"] = 1
print(src, cp, dict(src) == src, dict(src) is src)
print(dict(a=1) == {"a": 1}, dict(**{"x": 1}, y=2))
