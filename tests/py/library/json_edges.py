"""json: subclasses of the built-in types, nesting limits, hooks, scanstring, big documents."""
import json
from collections import OrderedDict, defaultdict, namedtuple


class S(str):
    pass


class L(list):
    pass


class D(dict):
    pass


class F(float):
    pass


print(json.dumps([S("sub"), L([1, 2]), D(a=1), F(1.5), OrderedDict([("z", 1), ("a", 2)])]))
dd = defaultdict(list)
dd["k"].append(1)
print(json.dumps(dd), json.dumps({S("key"): L()}))
Point = namedtuple("Point", "x y")
print(json.dumps(Point(1, 2)), json.dumps({"p": Point(3, 4)}, indent=1))
print(json.dumps({"b": [{"y": 1, "x": 2}], "a": None}, sort_keys=True, indent=3))

deep = "[" * 50 + "]" * 50
print(len(json.dumps(json.loads(deep))))
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError as e:
    print("RecursionError:", e)
nested = []
for _ in range(100000):
    nested = [nested]
try:
    json.dumps(nested)
except RecursionError as e:
    print("RecursionError:", e)

calls = []


def hook(d):
    calls.append(sorted(d))
    return len(d)


print(json.loads('{"a": {"b": 1, "c": 2}, "d": [{}, {"e": 0}]}', object_hook=hook), calls)
print(json.loads('[1, 2.0, 3e2, -4, NaN]', parse_int=lambda s: "i" + s, parse_float=lambda s: "f" + s,
                 parse_constant=lambda s: "c" + s))
print(json.loads('{"a": 1, "a": 2, "b": [3]}', object_pairs_hook=OrderedDict))
print(json.decoder.scanstring('"abc" rest', 1), json.decoder.scanstring('x"\\u00e9\\n"', 2))
try:
    json.decoder.scanstring('"abc', 1)
except json.JSONDecodeError as e:
    print(e)
print(json.encoder.encode_basestring_ascii("é\n😀"), json.encoder.encode_basestring("é\n"))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), dec.raw_decode('xx[1, 2]', 2))
try:
    dec.raw_decode("  [1]")
except json.JSONDecodeError as e:
    print(e)

rows = [{"id": i, "name": f"row {i}", "score": i / 7, "flags": [i % 2 == 0, None], "nested": {"k": [i] * 3}}
        for i in range(2000)]
text = json.dumps(rows)
print(len(text), text[:80])
back = json.loads(text)
print(back == rows, back[1999]["score"], json.dumps(back[7]))
pretty = json.dumps(rows[:2], indent=2, sort_keys=True, ensure_ascii=False)
print(pretty)
print(json.loads(pretty) == rows[:2])
print(json.loads('"' + "é😀" * 1000 + '"') == "é😀" * 1000, json.loads('["é", "x\\u00e9y"]'))
print(json.loads('{"é": "ü", "k\\u00e9y": [1]}'))
try:
    json.loads('{"é": "ü", "k": [1, x]}')
except json.JSONDecodeError as e:
    print(e, e.pos, e.colno)
