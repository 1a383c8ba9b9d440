# dataclasses: generated methods, field(), frozen, order, inheritance, helpers.
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar
from typing import ClassVar, List


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(Point(3)), p.x, p.y, Point(x=5, y=6))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__annotations__, Point.__doc__, Point.__match_args__)
print([f.name for f in fields(Point)], [f.type for f in fields(p)], fields(Point)[1].default)
print(asdict(p), astuple(p), replace(p, y=10), dataclasses.is_dataclass(p), dataclasses.is_dataclass(Point))
print(dataclasses.is_dataclass(1), Point.__hash__, Point.__eq__.__qualname__, Point.__init__.__qualname__)
attempt("Point()", lambda: Point())
attempt("Point(1, 2, 3)", lambda: Point(1, 2, 3))
attempt("Point(1, z=3)", lambda: Point(1, z=3))
attempt("hash", lambda: hash(p))
attempt("asdict(1)", lambda: asdict(1))
attempt("fields(1)", lambda: fields(1))
p.x = 100
print(p)


@dataclass()
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    tags: dict = field(default_factory=dict, compare=False)
    total: ClassVar[int] = 0


a = Inventory("a")
b = Inventory("a")
a.items.append("x")
print(a, b, a.items is b.items, Inventory.total, len(fields(Inventory)))
print(Inventory("z", ["q"], 3, {"k": 1}) == Inventory("z", ["q"], 3, {}))


def mutable_default():
    @dataclass
    class Bad:
        xs: list = []


def order_default():
    @dataclass
    class Bad2:
        x: int = 0
        y: int


attempt("mutable default", mutable_default)
attempt("non-default after default", order_default)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9), Version(1, 0, "x"), Version(1, 2, "rc")]
print(sorted(vs), Version(1, 2) < Version(1, 3), Version(2) >= Version(1, 9), max(vs))
print(Version(1, 2, "a") == Version(1, 2, "b"))
attempt("order mixed", lambda: Version(1) < (1, 0))


@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = "b"


fz = Frozen(1)
print(fz, hash(fz) == hash(Frozen(1)), {fz: 1}[Frozen(1, "b")], replace(fz, a=2))


def assign():
    fz.a = 5


def delete():
    del fz.b


attempt("frozen assign", assign)
attempt("frozen delete", delete)
attempt("frozen new attr", lambda: setattr(fz, "c", 1))
print(issubclass(FrozenInstanceError, AttributeError))


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    y: int = 5


d = Derived(0)
print(d, [f.name for f in fields(d)], asdict(d))


@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.b = self.a * scale


w = WithPost(3, 4)
print(w, w.b, [f.name for f in fields(w)])


@dataclass
class Nested:
    p: Point
    ps: list
    m: dict


n = Nested(Point(1, 2), [Point(3, 4)], {"k": Point(5, 6)})
print(asdict(n))
print(astuple(n))


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), hash(NoEq(1)) is not None)


@dataclass(unsafe_hash=True)
class Hashy:
    v: int
    w: int = field(default=0, hash=False)


print(hash(Hashy(1, 2)) == hash(Hashy(1, 3)))


@dataclass(repr=False)
class NoRepr:
    v: int

    def __repr__(self):
        return "custom"


print(NoRepr(1))


@dataclass(kw_only=True)
class KwOnly:
    a: int
    b: int = 2


print(KwOnly(a=1), KwOnly.__doc__)
attempt("KwOnly(1)", lambda: KwOnly(1))


@dataclass
class Recursive:
    name: str
    children: list = field(default_factory=list)


r = Recursive("root")
r.children.append(r)
print(r)

Dyn = dataclasses.make_dataclass("Dyn", [("a", int), ("b", int, field(default=3))])
print(Dyn(1), Dyn(1, 2) == Dyn(1, 2))


@dataclass
class Defaults:
    a: int = 1
    b: str = "s"
    c: tuple = (1, 2)


print(Defaults(), Defaults.a, Defaults.c, Defaults.__doc__)
