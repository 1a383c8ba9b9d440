# typing: the names annotations use, subscription and reprs, TypeVar/Generic,
# NamedTuple (functional and class syntax), Protocol, TypedDict, helpers.
import typing
from typing import (
    Any, Callable, ClassVar, Dict, Final, FrozenSet, Generic, Iterable, Iterator, List, Literal, Mapping,
    NamedTuple, Optional, Protocol, Sequence, Set, Tuple, TypeVar, TYPE_CHECKING, Union, cast, overload,
    get_type_hints, get_origin, get_args, TypedDict, NewType, runtime_checkable, Type, Deque, DefaultDict,
)

if TYPE_CHECKING:
    import nonexistent_module  # never imported

print(TYPE_CHECKING, Any, List, Dict, Optional, Union, Callable, ClassVar, Final, Literal)
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[int, str], Tuple[()], Set[str], FrozenSet[int])
print(Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, Union[str, float]], Union[int, int])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None], Iterable[int], Iterator[str])
print(Sequence[float], Mapping[str, Any], Literal[1, "a"], ClassVar[int], Final[str], Type[int], Deque[int])
print(Optional[List["Node"]], DefaultDict[str, int], typing.Counter[str], typing.AbstractSet[int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]) is Union, get_args(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(int), get_args(int), List[int] == List[int], List[int] == List[str])
print(isinstance([], List), isinstance({}, Dict), isinstance(3, Iterable), isinstance([1], Sequence), issubclass(list, List))
try:
    isinstance([], List[int])
except TypeError as e:
    print("TypeError", e)

T = TypeVar("T")
K = TypeVar("K", bound=str)
V = TypeVar("V", int, float)
print(T, K.__bound__, V.__constraints__, TypeVar("C", covariant=True), List[T], Dict[K, V], List[T][int])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), type(s).__name__, Stack[int], Stack.__parameters__, Stack.__mro__[-2:])


class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v


print(Pair("a", 1).k, Pair[str, int], get_origin(Pair[str, int]) is Pair)


class Employee(NamedTuple):
    name: str
    id: int = 3

    def describe(self) -> str:
        return "%s#%d" % (self.name, self.id)


e = Employee("Guido")
print(e, e.name, e.id, e[0], e.describe(), Employee._fields, Employee.__annotations__, isinstance(e, tuple))
print(Employee("a", 5) == ("a", 5), e._replace(id=9), e._asdict(), len(e))
Point = NamedTuple("Point", [("x", int), ("y", int)])
p = Point(1, 2)
print(p, p.x + p.y, Point._fields, Point.__annotations__)
Point3 = NamedTuple("Point3", x=int, y=int, z=int)
print(Point3(1, 2, 3))
try:

    class Bad(NamedTuple):
        a: int = 1
        b: int

except TypeError as err:
    print("TypeError", err)


class Greeter(Protocol):
    def greet(self) -> str: ...


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class File:
    def close(self) -> None:
        pass


class English(Greeter):
    def greet(self) -> str:
        return "hello"


print(English().greet(), isinstance(File(), Closer), isinstance(1, Closer), English.__mro__[1] is Greeter)


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title="Blade Runner", year=1982)
print(m, type(m), Movie.__annotations__, Movie.__total__)

UserId = NewType("UserId", int)
print(UserId(5), UserId(5) + 1, UserId)

print(cast(int, "x"), cast("List[int]", [1]))


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x


print(f(3), f("s"))


class Node:
    next: Optional["Node"]
    value: int
    label: ClassVar[str] = "node"


print(get_type_hints(Node))


def annotated(a: int, b: "List[int]" = None) -> Dict[str, int]:
    return {}


print(annotated.__annotations__)
print(get_type_hints(annotated))
x: List[int] = [1, 2]
print(__annotations__)
print(typing.Text, typing.AnyStr, typing.NoReturn, typing.Hashable, typing.Sized, typing.SupportsInt)
