# dict views: live, sized, iterable, reversible, repr, membership and comparisons.
d = {"a": 1, "b": 2}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d["c"] = 3
del d["a"]
print(k, v, it, list(k), list(v), list(it))
print("b" in k, "a" in k, 2 in v, 9 in v, ("b", 2) in it, ("b", 3) in it, ("zz", 1) in it, "b" in it, ("b",) in it)
print(list(reversed(k)), list(reversed(v)), list(reversed(it)), sorted(k, reverse=True))
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
print(not not k, not {}.keys(), [x for x in it], dict(it), set(k) == {"b", "c"}, tuple(v))
print(k == {"b", "c"}, k == {"b"}, k != {"b"}, {"b", "c"} == k, k == ["b", "c"], it == {("b", 2), ("c", 3)})
print(k < {"b", "c", "d"}, k <= {"b", "c"}, k > {"b"}, k >= {"b", "c"}, k < {"b", "c"}, k > k, k >= k)
print(k == d.keys(), it == d.items(), v == v, v == d.values(), v != d.values(), {}.values() == {}.values())
print(k.isdisjoint({"x"}), k.isdisjoint(["b"]), it.isdisjoint({("c", 3)}), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
for bad in [lambda: k[0], lambda: v[0], lambda: it[0], lambda: hash(k), lambda: hash(it), lambda: k < 1,
            lambda: v < v, lambda: v | {1}, lambda: k | 1, lambda: k & 1, lambda: k - 1, lambda: k ^ 1,
            lambda: k.isdisjoint(1), lambda: type(k)(), lambda: ([], 1) in it, lambda: [] in k]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)
print(hash(v) == hash(v))
e = {}
ek = e.keys()
for i in range(5):
    e[i] = -i
print(ek, e.values(), e.items())
try:
    for key in ek:
        e[key + 10] = 0
except RuntimeError as err:
    print("RuntimeError:", err)
nested = {"x": {"y": [1, 2]}}
print(nested.items(), nested.values())
rec = {}
rec["v"] = rec.values()
print(rec.keys())
class D(dict):
    def __iter__(self):
        return iter(["ignored"])
sub = D(a=1)
print(sub.keys(), list(sub.keys()), list(sub.items()), list(sub))
for bad in [lambda: setattr(k, "x", 1), lambda: delattr(k, "x"), lambda: v.x, lambda: v + 1, lambda: -k,
            lambda: k + 1, lambda: k.__setitem__]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, e)
