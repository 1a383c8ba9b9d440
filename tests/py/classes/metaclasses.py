# Metaclasses: creation hooks, class-level special methods, attribute lookup.


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True

    def __len__(cls):
        return 42

    def __iter__(cls):
        return iter(["a", "b"])

    def __contains__(cls, x):
        return x == "magic"

    def __getitem__(cls, k):
        return (cls.__name__, k)

    def __repr__(cls):
        return "<Meta class %s>" % cls.__name__

    def helper(cls):
        return "helper of " + cls.__name__

    @property
    def prop(cls):
        return "prop of " + cls.__name__


class A(metaclass=Meta, flag=1):
    x = 1

    def method(self):
        return "method"


print(type(A).__name__, A.created_by, A.extra, A.inited)
print(len(A), list(A), "magic" in A, "other" in A, A[3])
print(repr(A), str(A), A)
print(A.helper(), A.prop, A.x, A().method())
print(isinstance(A, Meta), isinstance(A, type), type(A) is Meta, isinstance(A(), A))


class B(A):
    y = 2


print(type(B).__name__, B.created_by, B.inited, B.y, B.x, len(B), B)


class CountingMeta(type):
    def __call__(cls, *args, **kw):
        cls.calls = getattr(cls, "calls", 0) + 1
        inst = super().__call__(*args, **kw)
        inst.via_meta = True
        return inst


class C(metaclass=CountingMeta):
    def __init__(self, v):
        self.v = v


c1 = C(1)
c2 = C(v=2)
print(C.calls, c1.v, c2.v, c1.via_meta, type(C).__name__)


class Registry(type):
    classes = []

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)


class Base(metaclass=Registry):
    pass


class D1(Base):
    pass


class D2(D1):
    pass


print(Registry.classes)


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        d = {"prepared": True}
        return d

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.keys = [k for k in ns if not k.startswith("__")]
        return cls


class E(metaclass=OrderedMeta):
    b = 1
    a = 2


print(E.prepared, E.keys)

# type() with three arguments and a metaclass.
F = Meta("F", (), {"z": 3})
print(type(F).__name__, F.z, F.created_by, F)
G = type("G", (A,), {})
print(type(G).__name__, G.x, G)


# A function as metaclass.
def make(name, bases, ns):
    return "made " + name


class H(metaclass=make):
    pass


print(H)

# Metaclass conflict.
class M1(type):
    pass


class M2(type):
    pass


class P1(metaclass=M1):
    pass


class P2(metaclass=M2):
    pass


try:

    class Q(P1, P2):
        pass

except TypeError as e:
    print("TypeError", e)


# __class__ cell and super() inside a class made by a metaclass.
class S(A):
    def method(self):
        return "S." + super().method()


print(S().method(), type(S).__name__)


# __init_subclass__ keywords still reach the parent through a metaclass.
class Plugin(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        cls.kw_seen = kw


class MyPlugin(Plugin, tag="x"):
    pass


print(MyPlugin.kw_seen, MyPlugin.extra)
