# dict access methods, deletion order, equality and repr.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("d"), d.setdefault("e", []))
d["e"].append(1)
print(d)
print(d.pop("d"), d.pop("zz", "dflt"), d.pop("zz", None), d)
print(d.popitem(), d.popitem(), d)
d["x"] = 10
del d["a"]
d["a"] = 11
print(d, list(d), len(d), "a" in d, "q" in d, "q" not in d)
for bad in [lambda: d["nope"], lambda: d.pop("nope"), lambda: {}.popitem(), lambda: d.get(),
            lambda: d.get(1, 2, 3), lambda: d.pop(), lambda: d.setdefault(), lambda: d.popitem(1),
            lambda: d.keys(1), lambda: d.get(x=1), lambda: d[[1]], lambda: d.get([]),
            lambda: {}.__getitem__(1), lambda: {}.__delitem__(1), lambda: dict.__getitem__({}, 1, 2),
            lambda: hash({}), lambda: {} < {}, lambda: {} | [], lambda: d.__missing__]:
    try:
        print("ok", bad())
    except Exception as e:
        print(type(e).__name__, repr(e))
e = {}
for i in range(10):
    e[i] = i * i
for i in range(0, 10, 3):
    del e[i]
e[0] = "again"
print(e, list(e.items())[:3])
c = e.copy()
c[100] = 1
e.clear()
print(e, c, len(c))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {}, {1: 1} == [1])
print({1: 1.0} == {1: 1}, {"a": [1]} == {"a": [1]}, {1: 2}.__eq__({1: 2}), {1: 2}.__ne__({1: 2}), dict.__eq__({}, 1))
nan = 1e400 - 1e400
n = {1: nan}
print(n == n, n == {1: nan})
print({1: 2} | {3: 4}, {1: 2} | {1: 5}, {1: 2}.__or__([]), {1: 2}.__ror__({9: 9}))
m = {1: 1}
m |= {2: 2}
m |= [(3, 3)]
m |= {1: "one"}.items()
print(m, m.__ior__({4: 4}))
print(d.__len__(), d.__contains__("x"), d.__getitem__("x"), list(d.__iter__()), list(d.__reversed__()), d.__repr__())
d.__setitem__("y", 0)
d.__delitem__("x")
print(d)
r = {}
r["self"] = r
print(r, {"k": [r]})
print(list(reversed({1: "a", 2: "b", 3: "c"})), list(reversed({})))
it = iter({1: 2, 3: 4})
print(next(it), next(it))
big = {i: str(i) for i in range(20)}
for k in list(big):
    if k % 2:
        big.pop(k)
print(big, sum(big), min(big), max(big))
