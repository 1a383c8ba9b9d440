# Reprs of nested containers and recursive structures.
data = {"list": [1, 2.5, "three", None, True], "tuple": (1,), "empty": [(), {}, [], ""],
        "nested": {"a": [{"b": ("c", ["d"])}]}}
print(data)
print([[1, [2, [3, [4]]]]], ((1, 2), (3, (4, 5))), [{}], [set()])
l = [1, 2]
l.append(l)
print(l)
d = {"self": None}
d["self"] = d
print(d)
a = [1]
b = [a, a]
print(b)
x = [1]
y = [x]
x.append(y)
print(x, y)
t = ([],)
t[0].append(t)
print(t)
print(str([1, "a"]), repr(["a'b"]), str(("x", 1.0)))
print([None, ..., NotImplemented])
print({1: {2: {3: {}}}}, [[[]]], ([],))
print([1.0, -0.0, 1e100, float("inf")], {"k": float("nan")})
