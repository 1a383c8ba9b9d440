"""json.loads: every JSON value, hooks, and JSONDecodeError messages and positions."""
import json
from json import JSONDecodeError

docs = [
    '{"a": [1, 2, {"b": null}], "c": true, "d": false}', '  \n [ true , false ]\n', '"plain"',
    '[1.5e300, 1e400, -0, -0.0, 3.0, 1E5, 2e-3, 0.1]', '123456789012345678901234567890',
    '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '"\\u00e9\\u4e2d\\ud83d\\ude00"', '"caf\u00e9 \ud55c"',
    '[NaN, Infinity, -Infinity]', '{"a":1,"a":2}', '{}', '[]', '[[[]]]', '{"": ""}', '"\x7f"',
    '-12', '0', '[0, -1, 10]',
]
for d in docs:
    print(repr(json.loads(d)))

bad = [
    '', ' ', 'x', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,',
    '{"a":1,}', '{"a" 1}', '{1:2}', '{"a":1 "b":2}', '"abc', '"a\\x"', '"a\\u12"', '"a\\u12zz"',
    '"a\nb"', '"a\tb"', '"\\', '1 2', '01', '1.', '-', '-x', '.5', '1e', 'nul', 'tru', 'nan',
    '\ufeff[]', '[1,\n2,\n x]', '{"a":1}\n\n{"b"', '[1] x', 'True', "'single'",
]
for d in bad:
    try:
        json.loads(d)
        print(repr(d), "parsed?")
    except JSONDecodeError as e:
        print(repr(d), "|", e, "|", e.msg, e.pos, e.lineno, e.colno)

for b in [b'[1]', bytearray(b'{"x": 2}'), b'\xef\xbb\xbf[2]', '"\u00e9"'.encode()]:
    print(repr(json.loads(b)))
try:
    json.loads(5)
except TypeError as e:
    print(e)
try:
    json.loads(None)
except TypeError as e:
    print(e)

print(issubclass(JSONDecodeError, ValueError), json.decoder.JSONDecodeError is JSONDecodeError)
e = JSONDecodeError("msg", "ab\ncd", 4)
print(str(e), e.lineno, e.colno, repr(e.doc), e.args)
try:
    json.loads("[1, 2, oops]")
except ValueError as e:
    print(type(e).__name__, e)

print(json.loads('{"a": 1.5}', parse_float=str), json.loads('[1, 2]', parse_int=float))
print(json.loads('[NaN, -Infinity]', parse_constant=str))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(repr(json.loads('"a\tb"', strict=False)))
print(json.JSONDecoder().decode('[1]'), json.JSONDecoder().raw_decode('[1] tail'))


class Dec(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=lambda d: {k.upper(): v for k, v in d.items()}, **kw)


print(json.loads('{"k": {"n": 1}}', cls=Dec))

value = {"list": [1, 2.25, "three", None, True], "nested": {"deep": [{"x": -1}]}, "u": "é\n😀"}
for kwargs in [{}, {"indent": 2}, {"ensure_ascii": False}, {"sort_keys": True, "separators": (",", ":")}]:
    text = json.dumps(value, **kwargs)
    print(json.loads(text) == value)
big = list(range(3000))
print(json.loads(json.dumps(big)) == big, len(json.dumps(big)))
