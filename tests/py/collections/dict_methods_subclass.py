# dict subclasses: __missing__, __init__, overridden methods and operators.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(c, c["z"], "z" in c, c.get("z"), len(c), type(c).__name__)
class Default(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
g = Default(list, {"x": [1]}, y=[2])
g["a"].append(1)
g["a"].append(2)
g["x"].append(3)
print(g, g.factory is list, sorted(g))
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = Upper()
u["a"] = 1
print(u, u["A"], u["a"], u.get("a"), dict(u))
u.update(b=2)
print(u)
class Plain(dict):
    pass
p = Plain(one=1, two=2)
p2 = Plain([(1, 2)])
print(p, p2, p == {"one": 1, "two": 2}, {"one": 1, "two": 2} == p, p != p2)
print(p | {3: 3}, type(p | {3: 3}).__name__, type(p.copy()).__name__, p.copy())
q = p
p |= {"three": 3}
print(p, q is p, type(p).__name__)
try:
    hash(p)
except TypeError as e:
    print(e)
print(list(p.keys()), list(p.values()), list(p.items()), list(reversed(p)))
print(dict.__repr__(p), repr(Plain()), str(Plain(a=[1])))
class Keys(dict):
    def keys(self):
        return ["only"]
    def __getitem__(self, k):
        return "from-getitem"
print(dict(Keys(only=1, other=2)))
class Iter(dict):
    def __iter__(self):
        return iter(["b"])
src = Iter(a=1, b=2)
print(dict(src), list(src), {**src} if False else "skip")
class Selfish(dict):
    pass
s = Selfish()
s["me"] = s
print(s)
