# types: X | Y unions, list[int] generic aliases, SimpleNamespace, MappingProxyType,
# and the type names.
import types
import typing

print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], list[int].__origin__, list[int].__args__)
print(type(list[int]), type(int | str), list[int] == list[int], list[int] == list[str])
print(int | None, None | int, int | str | None, (int | str).__args__, int | list[int], list[int] | None)
print(int | str == str | int, hash(int | str) == hash(str | int), isinstance(3, int | str), isinstance("a", int | None))
print(issubclass(bool, int | str), int | int, (int | None) | str, isinstance(None, int | None))
try:
    int | "x"
except TypeError as e:
    print("TypeError", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError", e)
print(list[int]([1, 2]), dict[str, int](a=1))
print(int | typing.List[int], typing.Optional[int] | str)


def f(x: int | None = None, y: list[int] | None = None) -> dict[str, int] | None:
    return x


print(f(3), f.__annotations__)

ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="two", c=[3]), repr(types.SimpleNamespace()))
mp = types.MappingProxyType({"k": 1})
print(mp, mp["k"], len(mp), list(mp), "k" in mp, dict(mp.items()))


def g():
    yield 1


class C:
    def m(self):
        pass


print(types.FunctionType is type(f), isinstance(g(), types.GeneratorType), isinstance(C().m, types.MethodType))
print(types.NoneType, types.ModuleType, isinstance(types, types.ModuleType), types.BuiltinFunctionType is type(len))
D = types.new_class("D", (C,), {}, lambda ns: ns.update({"x": 5}))
print(D.x, D.__mro__[1] is C, types.resolve_bases((int, list[int])))
