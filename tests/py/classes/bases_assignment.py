# Assigning a class's __bases__ (a new MRO for the class) and __module__/__name__ (its repr).
def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"

    def extra(self):
        return "extra from B"


class C(A):
    pass


c = C()
print(c.who(), C.__bases__, [k.__name__ for k in C.__mro__])
C.__bases__ = (B,)
print(c.who(), c.extra(), C.__bases__, [k.__name__ for k in C.__mro__], isinstance(c, A), isinstance(c, B))
C.__bases__ = (A, B)
print(c.who(), c.extra(), [k.__name__ for k in C.__mro__], issubclass(C, B))
for bad in [(), [B], (1,), (C,), "B"]:
    def assign(bad=bad):
        C.__bases__ = bad
    attempt("C.__bases__ = %r" % (bad,), assign)
print([k.__name__ for k in C.__mro__])


def go():
    total = 0
    for i in range(300):
        total += len(c.who())
        if i == 150:
            C.__bases__ = (B,)
    return total


C.__bases__ = (A,)
print(go(), c.who())


class M:
    pass


print(M, M.__module__)
M.__module__ = "elsewhere"
print(M, M.__module__)
M.__name__ = "Renamed"
M.__qualname__ = "Outer.Renamed"
print(M, M.__name__, M.__qualname__)
