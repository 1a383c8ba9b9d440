"""json.dumps: types, escapes, floats, indent, separators, sort_keys, default, errors."""
import json

print(json.dumps({"a": [1, 2.5, None, True, False, "s"], "b": {}, "c": [], "d": ()}))
print(json.dumps([1, "two", 3.0, -4, 10 ** 30, -0.0]))
print(json.dumps("x\u00e9\n\"\\\x01\x1f\x7f\u2028😀"))
print(json.dumps("x\u00e9\n\"\\\x01\x7f😀", ensure_ascii=False))
print(json.dumps(["é", {"ключ": "значение"}], ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps([0.1, 1 / 3, 1e16, 1e-7, 123456789.0, 2.5e-300, 1.7976931348623157e308, 100.0, 5e-324]))
print(json.dumps({1: "int", 2.5: "float", None: "none", True: "bool", False: "f"}))
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps([1, 2], separators=(" ; ", "=")))
print(json.dumps({"a": [1, {"b": 2}], "c": [], "e": {}}, indent=2))
print(json.dumps([1, [2, [3]]], indent=0))
print(json.dumps({"k": [1, 2]}, indent="\t"))
print(json.dumps({"a": 1}, indent=2, separators=(",", " = ")))
print(json.dumps([[]], indent=4), json.dumps({}, indent=4), json.dumps([], indent=4))
print(json.dumps({"z": 1, "y": 2}, indent=1, sort_keys=True))
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True))
print(json.dumps({1, 2}, default=sorted))
print(json.dumps({"when": object()}, default=lambda o: "<object>"))


class IntLike(int):
    def __repr__(self):
        return "IntLike!"


class FloatLike(float):
    def __repr__(self):
        return "FloatLike!"


print(json.dumps([IntLike(7), FloatLike(2.5), True]))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder))
print(SetEncoder().encode([{2, 1}]), SetEncoder(indent=1).encode({"a": {5}}))
print(json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": 2}))
print("".join(json.JSONEncoder().iterencode({"x": [1, 2]})))

for bad in [lambda: json.dumps({"a": {1, 2}}), lambda: json.dumps(object()),
            lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(b"bytes"),
            lambda: json.dumps({"a": 1, 2: 3}, sort_keys=True)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError:", e)
shared = [1]
print(json.dumps([shared, shared]))

data = {"users": [{"id": i, "name": f"user{i}", "score": i * 1.5, "tags": ["a"] * (i % 3)} for i in range(4)]}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
