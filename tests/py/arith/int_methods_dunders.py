# Explicit calls of int's operator methods, and NotImplemented for foreign types.
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

a, b = 17, 5
for name in ["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__",
             "__lshift__", "__rshift__", "__and__", "__or__", "__xor__", "__divmod__"]:
    rname = "__r" + name[2:]
    print(name, getattr(a, name)(b), getattr(-a, name)(b), getattr(a, rname)(b), getattr(a, name)(2.0))
print(int.__add__(1, 2), int.__mul__(10 ** 20, 10), int.__radd__(1, 2), int.__sub__(True, 2))
print(int.__and__(True, False), bool.__and__(True, False), bool.__or__(False, False), bool.__xor__(True, True))
print(bool.__and__(True, 3), bool.__rxor__(True, 2), True.__and__(2), True.__rand__(False))
print((5).__eq__(5), (5).__eq__(5.0), (5).__ne__(6), (5).__lt__(6), (5).__le__(5), (5).__gt__(4), (5).__ge__(6))
print((5).__eq__("5"), (5).__lt__(None), (2 ** 70).__gt__(2 ** 69), (1).__eq__(True))
t("truediv zero", lambda: (5).__truediv__(0))
t("floordiv zero", lambda: (5).__floordiv__(0))
t("divmod zero", lambda: (5).__divmod__(0))
t("pow mod", lambda: (5).__pow__(3, 7))
t("rpow mod", lambda: (5).__rpow__(2, 3))
t("pow mod zero", lambda: (5).__pow__(2, 0))
t("pow neg", lambda: (2).__pow__(-1))
t("pow none", lambda: (2).__pow__(3, None))
t("pow no args", lambda: (2).__pow__())
t("pow float mod", lambda: (2).__pow__(3, 5.0))
t("lshift neg", lambda: (1).__lshift__(-1))
t("add no arg", lambda: (1).__add__())
t("add two args", lambda: (1).__add__(1, 2))
t("add wrong self", lambda: int.__add__("a", 1))
t("add unbound", lambda: int.__add__())
t("bool and int self", lambda: bool.__and__(1, True))
t("repr", lambda: int.__repr__(True))
t("bool repr", lambda: bool.__repr__(False))
t("hash", lambda: int.__hash__(2 ** 100))
t("float big", lambda: (10 ** 400).__float__())
t("abs big", lambda: (-10 ** 30).__abs__())
t("invert big", lambda: (10 ** 30).__invert__())
