# Multiple inheritance and the C3 method resolution order.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print([k.__name__ for k in D.__mro__])
print(D().who())

class X: pass
class Y: pass
class Z: pass
class P1(X, Y): pass
class P2(Y, Z): pass
class P3(X, Z): pass
class Q(P1, P2, P3): pass
print([k.__name__ for k in Q.__mro__])

class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])

class Mixin:
    def tag(self):
        return "mixin:" + self.name()
class Base:
    def name(self):
        return "base"
class Combined(Mixin, Base):
    pass
print(Combined().tag(), [k.__name__ for k in Combined.mro()])

class Left:
    def __init__(self):
        print("Left init")
        super().__init__()
class Right:
    def __init__(self):
        print("Right init")
        super().__init__()
class Both(Left, Right):
    def __init__(self):
        print("Both init")
        super().__init__()
Both()
try:
    class Bad(A, D): pass
except TypeError as e:
    print("TypeError:", e)
