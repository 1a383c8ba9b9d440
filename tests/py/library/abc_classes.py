# abc: ABC, ABCMeta, abstractmethod (instantiation refused while methods are abstract),
# register() for virtual subclasses, __subclasshook__, collections.abc enforcement.
from abc import ABC, ABCMeta, abstractmethod
import abc
import collections.abc as cabc


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return "%s with area %.2f" % (self.name(), self.area())


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

    def name(self):
        return "square"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

    def name(self):
        return "circle"


shapes = [Square(3), Circle(1.5), Square(0.5)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s.describe())
print(sorted(Shape.__abstractmethods__), sorted(Rect.__abstractmethods__), sorted(Square.__abstractmethods__))
attempt("Shape()", lambda: Shape())
attempt("Rect(1, 2)", lambda: Rect(1, 2))
print(isinstance(Square(1), Shape), issubclass(Circle, Shape), issubclass(int, Shape), type(Shape).__name__)


class Props(ABC):
    @property
    @abstractmethod
    def size(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...


class PropsDone(Props):
    size = 4

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "help"


attempt("Props()", lambda: Props())
print(PropsDone.make().size, PropsDone.helper())


class Registry(ABC):
    pass


Registry.register(int)
Registry.register(str)
print([isinstance(x, Registry) for x in (1, True, "s", 2.5, [])], issubclass(bool, Registry))


class Quacks(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented


class Duck:
    def quack(self):
        return "quack"


class Robot(Duck):
    pass


print(isinstance(Duck(), Quacks), isinstance(Robot(), Quacks), isinstance(1, Quacks), issubclass(Robot, Quacks))


class Plain(ABC):
    def __init__(self, v):
        self.v = v


print(Plain(7).v, abc.get_cache_token() >= 0)


class BadSeq(cabc.Sequence):
    def __len__(self):
        return 0


attempt("BadSeq()", lambda: BadSeq())


class GoodSeq(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i


g = GoodSeq(5)
print(list(g), 9 in g, g.index(16), g.count(4), list(reversed(g)), isinstance(g, cabc.Iterable))


class M(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


m = M()
m.update(a=1, b=2)
m.setdefault("c", 3)
print(sorted(m.items()), m.pop("a"), len(m), isinstance(m, cabc.Mapping), isinstance({}, cabc.MutableMapping))
attempt("cabc.Iterable()", lambda: cabc.Iterable())
