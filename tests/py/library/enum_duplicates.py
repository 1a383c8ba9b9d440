# enum: binding a member name twice, or a member over a method, is a TypeError; aliases
# (two names, one value) are allowed and @unique rejects them.
from enum import Enum, unique


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def dup():
    class Dup(Enum):
        A = 1
        A = 2
    return Dup


def over_method():
    class E(Enum):
        def f(self):
            return 1
        f = 3
    return E


def method_over_member():
    class E(Enum):
        g = 3

        def g(self):
            return 1
    return E


def not_unique():
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
    return U


attempt("dup", dup)
try:
    over_method()
except TypeError as e:
    print("over_method -> TypeError:", str(e).split(" at ")[0])
attempt("method_over_member", method_over_member)
attempt("not_unique", not_unique)


class Fine(Enum):
    A = 1
    B = 1
    _ignore_ = ["tmp"]
    tmp = 5

    def show(self):
        return self.name.lower()

    @property
    def twice(self):
        return self.value * 2


print(list(Fine), Fine.B is Fine.A, Fine.A.show(), Fine.A.twice, hasattr(Fine, "tmp"))
