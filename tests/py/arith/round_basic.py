# round(): ints, floats (correctly rounded, ties to even), ndigits, and __round__.
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999999999999999, 0.49999999999999994, 2.675, 1e16 + 1, -0.0,
          123.456, 1e300, -7.5]:
    print(repr(x), round(x), type(round(x)).__name__, round(x, 0), round(x, 1), round(x, 2), round(x, -1), round(x, -2))
for x, n in [(2.675, 2), (2.665, 2), (0.125, 2), (0.375, 2), (1.005, 2), (0.285, 2), (1.15, 1), (2.5e-9, 9),
             (123456.789, -3), (5e-324, 323), (5e-324, 324), (1.5, 400), (1.5, -400), (1e22, -22), (-0.4, 0),
             (0.1, 20), (1234.5, -1), (98765.4321, 3), (1.7976931348623157e308, -300)]:
    t(repr(x) + " " + str(n), lambda: round(x, n))
t("overflow", lambda: round(1.7976931348623157e308, -308))
t("nan", lambda: round(float("nan")))
t("inf", lambda: round(float("inf")))
t("nan nd", lambda: round(float("nan"), 2))
t("inf nd", lambda: round(float("-inf"), 2))
for n in [0, 5, 15, 25, 35, -15, -25, 149, 150, 151, 250, 10 ** 20 + 5 * 10 ** 18, -10 ** 20 - 5 * 10 ** 18]:
    print(n, round(n), round(n, 1), round(n, -1), round(n, -2), round(n, -19), round(n, -50))
print(round(True), round(False, 3), type(round(True)).__name__, round(5, None), round(2.5, None))
t("big nd float", lambda: round(2.5, 2 ** 70))
t("big neg nd float", lambda: round(2.5, -2 ** 70))
t("big nd int", lambda: round(5, 2 ** 70))
t("float nd", lambda: round(1.5, 1.5))
t("str nd", lambda: round(1.5, "1"))
t("str", lambda: round("1.5"))
t("list", lambda: round([1]))
t("none", lambda: round(None))
t("no args", lambda: round())
t("kw", lambda: round(number=2.5, ndigits=0))


class R:
    def __round__(self, n=None):
        return ("R.__round__", n)


class Idx:
    def __index__(self):
        return 1


t("user", lambda: round(R()))
t("user nd", lambda: round(R(), 3))
t("user none", lambda: round(R(), None))
t("index nd", lambda: round(2.25, Idx()))
t("index nd int", lambda: round(25, Idx()))
t("int method", lambda: (15).__round__(-1))
t("float method", lambda: (2.5).__round__())
t("float method none", lambda: (2.5).__round__(None))
t("float method nd", lambda: (2.675).__round__(2))
total = 0
for i in range(1000):
    total += round(i / 8, 1) * 8
print(total, round(total, -3))
