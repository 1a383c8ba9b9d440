# dataclasses, enum and typing at the level scripts use them.
from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass
from enum import Enum, IntEnum, auto, Flag, IntFlag, unique
from typing import List, Dict, Optional, Tuple, Union, Any, Callable, NamedTuple, TypeVar, Generic, Iterable, Iterator, Set, FrozenSet, Sequence, Mapping, DefaultDict, Deque, cast, overload, Protocol, Literal, Final, ClassVar, TYPE_CHECKING, TypedDict, NoReturn
@dataclass
class P:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    def norm(self): return abs(self.x) + abs(self.y)
p = P(1, 2); print(p, p == P(1, 2), p.norm(), asdict(p), astuple(p), [f.name for f in fields(p)], replace(p, x=5), is_dataclass(p), P.__init__.__doc__ if False else "")
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = "z"
print(F(1) < F(2), sorted([F(2), F(1, "a")]), hash(F(1)) == hash(F(1)))
try: F(1).a = 2
except Exception as e: print(type(e).__name__, e)
@dataclass
class Child(P):
    z: float = 1.5
print(Child(1), Child(1, 2, [], 3.0))
@dataclass(eq=False)
class NE:
    v: int
    def __post_init__(self): self.w = self.v * 2
print(NE(1) == NE(1), NE(3).w, repr(NE(2)))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e: print(e)
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color), Color.RED in Color, Color.RED is Color.RED, Color.RED == 1, isinstance(Color.RED, Color), {Color.RED: 1})
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, sorted([Num.TWO, Num.ONE]), f"{Num.ONE}", str(Num.ONE), repr(Num.ONE), Num(2))
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value, [m.name for m in A], A.__members__.keys() if False else "")
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, (Perm.R | Perm.W).value, Perm.R in (Perm.R | Perm.W), repr(Perm.R & Perm.X), bool(Perm(0)))
class IP(IntFlag):
    A = 1
    B = 2
print(IP.A | IP.B, int(IP.A | IP.B), IP.A | 4)
try: Color(7)
except ValueError as e: print(e)
try: Color["PINK"]
except KeyError as e: print(e)
class Shape(Enum):
    SQUARE = 2
    ALIAS = 2
    def describe(self): return f"{self.name}:{self.value}"
    @property
    def double(self): return self.value * 2
print(Shape.ALIAS, Shape.SQUARE.describe(), Shape.SQUARE.double, list(Shape))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int](3).v, Optional[int], List[int], Dict[str, int], Union[int, str], Callable[[int], str], Tuple[int, ...], Any, cast(int, "x"), TYPE_CHECKING, Literal["a"])
class NT(NamedTuple):
    a: int
    b: str = "x"
print(NT(1), NT(1, "y")._asdict(), NT._fields)
def f(x: List[int]) -> Optional[Dict[str, int]]: return None
print(f.__annotations__)
class TD(TypedDict):
    a: int
print(TD(a=1))
