# float's operator methods called explicitly, float subclasses, and divmod.
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

x = 7.5
for name in ["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__divmod__"]:
    rname = "__r" + name[2:]
    print(name, getattr(x, name)(2), getattr(-x, name)(2.0), getattr(x, rname)(2), getattr(x, name)(True))
print(float.__add__(1.5, 2), float.__radd__(1.5, 2), (1.5).__add__("a"), (1.5).__add__(None), (1.5).__mul__([1]))
print((1.5).__eq__(1.5), (1.0).__eq__(1), (1.5).__lt__(2), (1.5).__ge__(2 ** 70), (1.5).__eq__("1.5"), (2.0).__ne__(True))
t("truediv zero", lambda: (1.5).__truediv__(0))
t("mod zero", lambda: (1.5).__mod__(0.0))
t("divmod zero", lambda: (1.5).__divmod__(0))
t("rdivmod zero", lambda: (0.0).__rdivmod__(1.5))
t("pow 3 args", lambda: (2.0).__pow__(3, 5))
t("pow neg frac", lambda: (-8.0).__pow__(2))
t("big int", lambda: (1.5).__add__(10 ** 400))
t("wrong self", lambda: float.__add__(1, 2.0))
t("unbound", lambda: float.__neg__())
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), (7.5).__divmod__(-2.0), (-0.0).__divmod__(5.0))


class MyFloat(float):
    pass


class Money(float):
    def __repr__(self):
        return "$" + float.__repr__(self)


f = MyFloat(2.5)
print(f, repr(f), f + 1, type(f + 1).__name__, f * f, -f, abs(MyFloat(-1.5)), f == 2.5, f < 3, hash(f) == hash(2.5))
print(f.is_integer(), f.hex(), f.as_integer_ratio(), f.real, type(f.real).__name__, int(f), round(f), round(f, 1))
print(MyFloat("1.25"), MyFloat(3), MyFloat(), type(MyFloat.fromhex("0x1p1")).__name__, MyFloat.fromhex("0x1p1"))
m = Money(3.5)
print(m, [m], m + 1, str(m), float(m), type(float(m)).__name__)
print(float.__repr__(f), float.__eq__(f, 2.5), f.__float__(), type(f.__float__()).__name__)
