# Three-argument pow: modular exponentiation, negative exponents (modular inverse),
# negative moduli, and the errors.
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for base, exp, mod in [(2, 10, 1000), (3, 200, 7), (5, 0, 7), (0, 0, 7), (10, 5, 1), (10, 5, -1),
                       (7, 3, -5), (-7, 3, 5), (-7, 3, -5), (2, 100, 10 ** 9 + 7), (123456789, 10 ** 20, 987654321),
                       (2 ** 100, 2 ** 100, 2 ** 61 - 1), (3, -1, 7), (3, -2, 7), (-3, -1, 7), (3, -1, -7),
                       (True, 5, 3), (5, True, 3), (0, 5, 3)]:
    t(str((base, exp, mod)), lambda: pow(base, exp, mod))
t("mod zero", lambda: pow(2, 3, 0))
t("not invertible", lambda: pow(2, -1, 4))
t("zero inverse", lambda: pow(0, -1, 5))
t("mod one inverse", lambda: pow(0, -1, 1))
t("float base", lambda: pow(2.0, 3, 5))
t("float exp", lambda: pow(2, 3.0, 5))
t("float mod", lambda: pow(2, 3, 5.0))
t("str base", lambda: pow("a", 3, 5))
t("str exp", lambda: pow(2, "3", 5))
t("str mod", lambda: pow(2, 3, "5"))
t("kw", lambda: pow(base=2, exp=5, mod=3))
t("none mod", lambda: pow(2, 5, None))


class Mod:
    def __pow__(self, other, mod=None):
        return ("Mod.__pow__", other, mod)


t("user pow", lambda: pow(Mod(), 2, 3))
