# type(), repr() and type names.
values = [1, 1.5, "s", True, None, [1], (1,), {1: 2}, {1}, range(3), len,
          int, type, 2 ** 70, frozenset([1]), object, Exception("e"), ...]
for v in values:
    print(type(v), type(v).__name__)
print(repr(1), repr(1.5), repr("s"), repr(None), repr(True), repr([1, "a"]), repr((1,)))
print(int, float, str, list, dict, tuple, set, bool, type(None), object, type)
print(repr(frozenset()), repr(set()), repr({}), repr(()), repr([]), repr(""), repr(frozenset([3])))
class Custom:
    pass
print(Custom, type(Custom), type(Custom()).__name__, Custom.__name__)
print(str(int), repr(ValueError), ValueError.__name__, str(Exception))
print(type(1) is int, type(True) is bool, type(1) == type(2), type(1) != type(1.0))
print(type("x")("abc"), type(5)("12"), type([])("ab"))
print(repr(range(5)), repr(range(1, 5, 2)), repr(slice(1, 2)), repr(slice(None, 3, -1)))
print(repr(NotImplemented), repr(Ellipsis), repr(print))
