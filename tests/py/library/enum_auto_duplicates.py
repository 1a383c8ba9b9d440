# enum: a member bound twice after auto() reports the value auto() resolved to.
from enum import Enum, IntFlag, auto


def attempt(label, make):
    try:
        make()
        print(label, "ok")
    except TypeError as e:
        print(label, "->", e)


def twice():
    class E(Enum):
        A = auto()
        B = auto()
        A = 5


def auto_twice():
    class F(Enum):
        X = 10
        A = auto()
        A = auto()


def later():
    class G(Enum):
        A = 1
        B = auto()
        C = auto()
        C = 9


def flags():
    class H(IntFlag):
        R = auto()
        W = auto()
        W = 3


attempt("twice", twice)
attempt("auto_twice", auto_twice)
attempt("later", later)
attempt("flags", flags)
