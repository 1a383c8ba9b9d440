# __annotations__ of modules, classes and functions (evaluated at definition time).
from typing import List, Optional

x: int = 5
y: "str"
counter: List[int] = []
print(__annotations__, x)


class A:
    a: int
    b: str = "b"
    c: Optional["A"] = None
    __private: float

    def method(self, v: int, *args: str, key: bool = False, **kw: object) -> "A":
        return self


print(A.__annotations__, A.b, A.c)
print(A.method.__annotations__)


class B(A):
    pass


print(B.__annotations__, "__annotations__" in B.__dict__, A().__annotations__ is A.__annotations__)


def plain():
    local: int = 3
    unevaluated: undefined_name  # never evaluated in a function body
    return local


print(plain(), plain.__annotations__)


def pos(a: 1, /, b: 2, *c: 3, d: 4, **e: 5) -> 6:
    pass


print(pos.__annotations__)


def outer():
    T = float

    class Inner:
        v: T
        w: list[T]

    def fn(p: T) -> T:
        return p

    return Inner.__annotations__, fn.__annotations__


print(outer())
order = []


def note(v):
    order.append(v)
    return v


class Ordered:
    first: note("first") = note(1)
    second: note("second")


print(order, Ordered.__annotations__)
if True:
    z: int = 1
for _ in range(1):
    w: bool = True
print(sorted(__annotations__))
