# Container methods while every __hash__/__eq__/__lt__ runs a full collection: values the
# natives hold (results under construction, copied keys, operands) must stay rooted.
import gc
class K:
    def __init__(self, v):
        self.v = v
        self.pad = [v] * 3
    def __hash__(self):
        gc.collect()
        return hash(self.v)
    def __eq__(self, other):
        gc.collect()
        return isinstance(other, K) and self.v == other.v
    def __lt__(self, other):
        gc.collect()
        return self.v < other.v
    def __repr__(self):
        return "K(%r)" % (self.v,)
def ks(*vs):
    return (K(v) for v in vs)
def show(label, x):
    gc.collect()
    print(label, sorted(x, key=lambda k: repr(k)) if not isinstance(x, (list, dict)) else x)
s = set(ks(1, 2, 3, 2, 9, 17))
show("set", s)
s.update(ks(4, 1, 33))
show("update", s)
show("union", s.union(ks(5, 6), [K(7)]))
show("inter", s.intersection(ks(1, 2, 100)))
show("diff", s.difference(ks(1, 2)))
show("symdiff", s.symmetric_difference(ks(1, 50)))
t = set(s)
t.symmetric_difference_update(ks(3, 60, 61))
show("symdiff_update", t)
t.difference_update(ks(60, 4))
show("diff_update", t)
t.intersection_update(ks(61, 9, 17, 2))
show("inter_update", t)
show("issubset", [set(ks(1)).issubset(ks(1, 2)), set(ks(1, 5)).issuperset(ks(5)), s.isdisjoint(ks(99, 98))])
f = frozenset(ks(8, 9, 10))
show("frozen ops", f | set(ks(11)))
show("frozen and", f & set(ks(9, 12)))
show("frozen xor", f ^ set(ks(9, 13)))
show("frozen sub", f - set(ks(9)))
d = dict((K(i), K(i * 10)) for i in range(6))
show("dict", d)
d.update((K(i), K(-i)) for i in range(3, 8))
show("dict update", d)
show("fromkeys", dict.fromkeys(ks(1, 2, 1)))
show("fromkeys-set", dict.fromkeys(set(ks(4, 5))))
e = dict([(K(1), K("a")), (K(2), K("b"))])
show("eq", [e == dict([(K(1), K("a")), (K(2), K("b"))]), e == dict(e)])
show("items xor", e.items() ^ dict([(K(2), K("b")), (K(3), K("c"))]).items())
show("keys and", e.keys() & set(ks(1, 5)))
show("keys and list", e.keys() & [K(2), K(9)])
show("keys or", e.keys() | ks(7, 1))
show("keys sub", e.keys() - [K(1)])
show("keys xor", e.keys() ^ [K(1), K(8)])
show("ror", set(ks(42)) | e.keys())
show("items in", [e.items().__contains__((K(1), K("a"))), list(e.values()).__contains__(K("b"))])
show("setdefault", [e.setdefault(K(1), K("z")), e.setdefault(K(4), K("new")), e.pop(K(2))])
l = [K(i % 7) for i in range(30)]
l.sort()
show("sort", l)
l.sort(key=lambda k: K(-k.v), reverse=True)
show("sort key", l)
show("index/count", [l.index(K(3)), l.count(K(3)), l.remove(K(3)), len(l)])
show("list", list(ks(1, 2)) + [x for x in ks(3)])
m = {}
m |= ((K(i), K(i)) for i in range(3))
show("ior", m)
show("dict|", m.__or__(dict([(K(9), K(9))])))
show("copy", set(s).copy())
p = set(ks(1, 2, 3))
show("pop", [p.pop(), p.pop()])
show("remove", [p.remove(K(3)), p])
z = set(ks(*range(40)))
for i in range(0, 40, 3):
    z.discard(K(i))
show("discards", z)
show("set of set", [frozenset(ks(1)) in {frozenset(ks(1))}, {frozenset(ks(2))}.__contains__(set(ks(2)))])
show("cmp", [set(ks(1, 2)) == frozenset(ks(2, 1)), set(ks(1)) < set(ks(1, 2)), e.keys() == set(ks(1, 4))])
show("views", [list(reversed(e.items())), repr(e.values()), repr(e.keys())])
class DS(dict):
    def __missing__(self, k):
        gc.collect()
        return K("missing")
ds = DS((K(1), K(2)) for _ in range(2))
show("missing", [ds[K(5)], ds[K(1)]])
