# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, the functional API.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return "%s is %d" % (self.name, self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color(2), Color["BLUE"], Color.RED is Color(1))
print(Color.RED.describe(), Color.default(), type(Color.RED), isinstance(Color.RED, Color))
print(Color, type(Color), type(Color).__name__, enum.EnumMeta is enum.EnumType)
print(Color.RED == Color.RED, Color.RED == Color.GREEN, Color.RED != 1, Color.RED == 1)
print(Color.RED in Color, [c.name for c in reversed(Color)])
print(hash(Color.RED) == hash("RED"), {Color.RED: "r", Color.BLUE: "b"}[Color.BLUE])
print(sorted(Color, key=lambda c: -c.value), Color.__members__)
print(list(Color.__members__), Color._member_names_, "RED" in Color.__members__)
print(f"{Color.RED}", format(Color.GREEN), f"[{Color.BLUE:>12}]", str(Color.BLUE), "%s" % Color.RED)
attempt("Color(7)", lambda: Color(7))
attempt("Color['X']", lambda: Color["X"])
attempt("ordering", lambda: Color.RED < Color.BLUE)
attempt("Color('RED')", lambda: Color("RED"))


def reassign():
    Color.RED = 5


def delete():
    del Color.RED


def extend():
    class More(Color):
        PINK = 4


attempt("reassign", reassign)
attempt("delete", delete)
attempt("extend", extend)


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape), len(Shape), list(Shape.__members__))


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), Auto.D.value, repr(auto()) != "")


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    NORTH = auto()
    SOUTH = auto()


print(Lower.NORTH.value, Lower("south"))


class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Num.ONE, repr(Num.TWO), str(Num.ONE), format(Num.ONE), f"{Num.THREE:03d}", Num.ONE + 1, Num.TWO * 3)
print(Num.ONE == 1, Num.TWO < Num.THREE, sorted([Num.THREE, Num.ONE]), hash(Num.ONE) == hash(1), Num(3))
print(isinstance(Num.ONE, int), int(Num.TWO), [0, 10, 20, 30][Num.TWO], Num.TWO.value, max(Num))
attempt("Num(4)", lambda: Num(4))


class Mood(str, Enum):
    HAPPY = "happy"
    SAD = "sad"


print(Mood.HAPPY, repr(Mood.SAD), Mood.HAPPY == "happy", Mood("sad"), Mood.HAPPY.upper(), f"{Mood.SAD}")


class Strs(enum.StrEnum):
    X = auto()
    Y = "why"


print(Strs.X, repr(Strs.X), Strs.Y, Strs.X == "x", f"{Strs.Y}")


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 2), Planet((3.303e23, 2.4397e6)))


def dup():
    @unique
    class D(Enum):
        X = 1
        Y = 1
        Z = 2
        W = 2


attempt("unique", dup)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(list(Fine))

Animal = Enum("Animal", "ANT BEE CAT")
print(Animal, list(Animal), Animal.BEE.value, Animal(3))
print(list(Enum("Pets", ["DOG", "FISH"])), list(Enum("Pairs", [("X", 5), ("Y", 7)])))
print(list(IntEnum("Ints", "A B", start=10)), list(Enum("D", {"K": "v"})))


class Missing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return cls.A


print(Missing(99))


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), str(rw), Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)), repr(Perm(0)))
print(repr(Perm.R & Perm.W), repr(~Perm.R), repr(Perm.R ^ Perm.W), repr(Perm(7)), list(Perm), len(Perm))
attempt("Perm(8)", lambda: Perm(8))


class Opt(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B


print(list(Opt), Opt.AB, repr(Opt(3)), Opt.C.value, Opt.__members__)


class Bits(IntFlag):
    A = 1
    B = 2


print(repr(Bits.A | Bits.B), repr(Bits.A | 8), str(Bits.A | Bits.B), repr(Bits(0)), repr(~Bits.A), Bits.A + 1)
print(repr(Bits(-1)), repr(Bits(15)), Bits.B == 2, isinstance(Bits.A, int))

import copy

print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.BLUE])[0] is Color.BLUE)


class Prio(IntEnum):
    LOW = auto()
    HIGH = auto()

    def __str__(self):
        return self.name.lower()


print(Prio.LOW, str(Prio.HIGH), f"{Prio.LOW}", f"{Prio.HIGH:>3}", Prio.HIGH > Prio.LOW, list(Prio))


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

    @property
    def label(self):
        return self.value.title()


print(Status("active").label, {s.value: s for s in Status}, {Status.ACTIVE: 1}[Status("active")])
