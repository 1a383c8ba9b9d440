# isinstance/issubclass with tuples and built-in types; type() comparisons.
class A: pass
class B(A): pass
class C: pass
items = [1, 1.5, "s", [1], (1,), {1: 1}, {1}, None, True, A(), B(), C(), b"b"]
for x in items:
    flags = [isinstance(x, t) for t in (int, float, str, list, tuple, dict, set, bool, A, B)]
    print(type(x).__name__, "".join("1" if f else "0" for f in flags))
print(isinstance(B(), (C, A)), isinstance(A(), (B, C)), isinstance(3, ()))
print(issubclass(B, (C, A)), issubclass(bool, (str, int)))
print(type(None).__name__, type(True) is bool, type(1) == int)
print(type(type), type(int), type(A))
print(type(1), type("x"), type([]), type(A()), type(len))
