# Arithmetic dunders, reflected operators and NotImplemented handling.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        print("  __rmul__")
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

a = Vec(3, 4)
b = Vec(1, -2)
print(a + b, a - b, a * 2, 2 * a, a / 2, a // 2, a % 2, a ** 2)
print(-a, +a, abs(a), a @ b, a == Vec(3, 4), a != b)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "s" * a
except TypeError as e:
    print("TypeError:", e)

class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        if isinstance(o, int):
            return Money(self.c + o)
        if isinstance(o, Money):
            return Money(self.c + o.c)
        return NotImplemented
    def __radd__(self, o):
        print("  __radd__ with", o)
        return self + o
    def __rsub__(self, o):
        return Money(o - self.c)
    def __lshift__(self, n):
        return Money(self.c << n)
    def __and__(self, o):
        return Money(self.c & o)
    def __or__(self, o):
        return Money(self.c | o)
    def __xor__(self, o):
        return Money(self.c ^ o)
    def __invert__(self):
        return Money(~self.c)
    def __repr__(self):
        return "$%d" % self.c
print(Money(5) + 3, 3 + Money(5), 10 - Money(4))
print(sum([Money(1), Money(2), Money(3)]))
print(Money(3) << 2, Money(6) & 3, Money(6) | 1, Money(6) ^ 5, ~Money(0))
