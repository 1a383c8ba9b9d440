# Everyday dict methods and insertion order.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"])
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("b"), d.pop("zz", "nope"), d)
d.update({"a": 10, "f": 6})
d.update(g=7)
d.update([("h", 8)])
print(d)
k, v = d.popitem()
print(k, v, d)
print("a" in d, "b" in d, 10 in d, 10 in d.values(), ("a", 10) in d.items())
d["a"] = "moved?"
print(list(d))
del d["a"]
d["a"] = "now last"
print(list(d))
c = d.copy()
c["new"] = 1
print(len(d), len(c))
keys = d.keys()
d["live"] = True
print(len(keys), "live" in keys)
print(dict.fromkeys(["x", "y"], 0), {**d, "a": 0} == d)
d.clear()
print(d, len(d), bool(d))
merged = {"a": 1} | {"b": 2, "a": 3}
print(merged)
m = {"x": 1}
m |= {"y": 2}
print(m)
try:
    {}.pop("k")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
