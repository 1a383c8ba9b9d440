# Operators defined in Python on plain classes, in hot loops: the interpreter runs the
# dunder as a frame and the JIT inlines it. NotImplemented falls back to the reflected
# method, in-place operators fall back to the plain one, a subclass's reflected method
# goes first, and guards fail inside the inlined dunder.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return NotImplemented
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


class Acc:
    def __init__(self):
        self.total = 0

    def __iadd__(self, v):
        if v < 0:
            return NotImplemented
        self.total += v
        return self

    def __add__(self, v):
        a = Acc()
        a.total = self.total - v
        return a


class Money:
    def __init__(self, c):
        self.c = c

    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.c + o.c)
        return NotImplemented

    def __radd__(self, o):
        return Money(self.c + o)


class Euro(Money):
    def __radd__(self, o):
        return Euro(self.c + (o.c if isinstance(o, Money) else o) + 1000)


def vectors(n):
    p = Vec(0, 0)
    v = Vec(1, 2)
    for i in range(n):
        p = p + v * 0.5
        if i % 1000 == 999:
            v = v - Vec(0.25, 0.125)
        p = p - 2 * v  # int * Vec: int's __mul__ gives NotImplemented, Vec.__rmul__
        p = p / 1.0001
    return p


def accumulate(n):
    a = Acc()
    for i in range(n):
        a += i if i % 50 else -i
    return a.total, type(a).__name__


def money(n):
    m = Money(0)
    e = Euro(0)
    for i in range(n):
        m = m + Money(i % 7)
        m = 1 + m
        if i % 100 == 0:
            e = m + e
    return m.c, e.c, type(e).__name__


def failing(n):
    out = []
    v = Vec(1, 1)
    for i in range(n):
        k = 0 if i == n - 5 else 2
        try:
            v = (v + Vec(1, 0)) / k
        except ZeroDivisionError as exc:
            out.append((i, str(exc)))
            v = Vec(1, 1)
    return v, out


print(vectors(6000))
print(accumulate(5000))
print(money(3000))
print(failing(3000))
try:
    Vec(1, 2) * Vec(3, 4)
except TypeError as e:
    print(e)


class Picky:
    def __rsub__(self, o):
        if o > 100:
            return NotImplemented
        return o - 1


def reflected(n):
    p = Picky()
    s = 0
    for i in range(n):
        s += 50 - p
        s += 2.5 - p if i % 2 else 0
    try:
        s += 500 - p
    except TypeError as e:
        print(e)
    try:
        3 - Vec(1, 2)
    except TypeError as e:
        print(e)
    return s


print(reflected(3000))
