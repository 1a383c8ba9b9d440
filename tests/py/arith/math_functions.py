# math: floor/ceil/trunc with __floor__/__ceil__/__trunc__, modf, frexp, ldexp, fmod,
# remainder, pow, fsum, prod, isclose, nextafter, ulp, gamma, lgamma, erf, erfc.
import math


def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for x in [2.5, -2.5, 3, -3.0, 1e300, -1e20, 0.0, -0.0, True, 10 ** 30, 2 ** 53 + 1.0]:
    print(repr(x), math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__, math.modf(x), math.frexp(x))
for f in [math.floor, math.ceil, math.trunc]:
    for x in [math.inf, -math.inf, math.nan, "1", None]:
        t(f.__name__ + " " + repr(x), lambda: f(x))


class Custom:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __trunc__(self):
        return "truncated"


class OnlyFloat:
    def __float__(self):
        return -1.5


class MyFloat(float):
    pass


print(math.floor(Custom()), math.ceil(Custom()), math.trunc(Custom()), math.floor(OnlyFloat()), math.ceil(OnlyFloat()))
print(math.floor(MyFloat(2.5)), math.ceil(MyFloat(2.5)), math.trunc(MyFloat(-2.5)))
t("trunc OnlyFloat", lambda: math.trunc(OnlyFloat()))
print(math.modf(math.inf), math.modf(-math.inf), math.modf(math.nan), math.frexp(math.inf), math.frexp(5e-324), math.frexp(-0.0))
print(math.ldexp(1, 10), math.ldexp(0.5, -1073), math.ldexp(0.75, -1074), math.ldexp(1, -1075), math.ldexp(3, -1075))
print(math.ldexp(1.5, 1023), math.ldexp(-0.0, 5), math.ldexp(math.inf, -5), math.ldexp(1, -2 ** 70), math.ldexp(0, 2 ** 70))
print(math.ldexp(1, True), math.ldexp(5e-324, 1074), math.ldexp(1.7976931348623157e308, -2000))
t("ldexp overflow", lambda: math.ldexp(1, 1024))
t("ldexp huge", lambda: math.ldexp(1, 2 ** 70))
t("ldexp float exp", lambda: math.ldexp(1, 2.0))
t("ldexp index", lambda: math.ldexp(1, OnlyFloat()))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, math.inf), math.fmod(-0.0, 1), math.fmod(1e300, 7))
print(math.remainder(7, 3), math.remainder(-7, 3), math.remainder(5, 2), math.remainder(7, 2), math.remainder(1, math.inf))
print(math.remainder(5e-324, 1e-323), math.remainder(1e300, 7), math.remainder(-0.0, 1), math.remainder(math.nan, 1))
for a, b in [(1, 0), (math.inf, 1), (math.nan, 0), (1, math.nan)]:
    t("fmod " + repr((a, b)), lambda: math.fmod(a, b))
    t("remainder " + repr((a, b)), lambda: math.remainder(a, b))
for a, b in [(2, 10), (2, 0.5), (-8, 1 / 3), (0, -1), (-0.0, -3), (0, 0), (10, 400), (10, -400), (1, math.nan),
             (math.nan, 0), (-1, math.inf), (0.5, -math.inf), (2, -math.inf), (-math.inf, 3), (-math.inf, -3),
             (-math.inf, 2), (math.inf, 0), (-2, 3), (-2, 0.5), (2 ** 1023, 2)]:
    t("pow " + repr((a, b)), lambda: math.pow(a, b))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([]), math.fsum(range(10)), math.fsum(i / 3 for i in range(1, 100)))
print(math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 1.0]), math.fsum([math.inf, 1, 2]), math.fsum([math.nan, 1]))
print(math.fsum([-0.0, -0.0]), math.fsum([2 ** 53, 1, 1]), math.fsum([1e308, 1e308, -1e308, -1e308]) if False else 0)
t("fsum overflow", lambda: math.fsum([1e308, 1e308]))
t("fsum inf-inf", lambda: math.fsum([math.inf, -math.inf]))
t("fsum str", lambda: math.fsum(["1"]))
t("fsum not iterable", lambda: math.fsum(1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([], start=5), math.prod(range(1, 30)), math.prod([1.5, 2, 4]))
print(math.prod([2] * 100), math.prod([[1], 3], start=1) if False else 0, math.prod(["ab", 3], start=1), math.prod([3, 0.5], start=2))
t("prod start str", lambda: math.prod([2, 3], start="x"))
t("prod no args", lambda: math.prod())
t("prod 2 pos", lambda: math.prod([1], 2))
t("prod bad kw", lambda: math.prod([1], begin=2))
for a, b, kw in [(1, 1.0000000001, {}), (1, 1.0000001, {}), (1, 1.1, {"rel_tol": 0.2}), (0, 1e-10, {}),
                 (0, 1e-10, {"abs_tol": 1e-9}), (math.inf, math.inf, {}), (math.inf, -math.inf, {}),
                 (math.nan, math.nan, {}), (1, math.inf, {"rel_tol": 10}), (-5, -5.0000000001, {})]:
    t("isclose " + repr((a, b, kw)), lambda: math.isclose(a, b, **kw))
t("isclose neg tol", lambda: math.isclose(1, 2, rel_tol=-1))
t("isclose missing", lambda: math.isclose(1))
t("isclose 3 pos", lambda: math.isclose(1, 2, 3))
t("isclose kw ab", lambda: math.isclose(a=1, b=1))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(-0.0, -1), math.nextafter(2, 2))
print(math.nextafter(1.7976931348623157e308, math.inf), math.nextafter(math.inf, 0), math.nextafter(math.nan, 1), math.nextafter(5e-324, 0))
print(math.ulp(1), math.ulp(-1), math.ulp(0), math.ulp(1e300), math.ulp(1.7976931348623157e308), math.ulp(math.inf), math.ulp(5e-324))
for x in [0.5, 1, 2, 5, 10.5, 23, 24, 100.25, 171, 171.7, -0.5, -1.5, -2.5, 1e-10, -1e-10, 1e-25, -200.5, 500]:
    t("gamma " + repr(x), lambda: math.gamma(x))
    t("lgamma " + repr(x), lambda: math.lgamma(x))
for x in [0, -0.0, -1, -2.0, math.inf, -math.inf, math.nan, 1e300]:
    t("gamma " + repr(x), lambda: math.gamma(x))
    t("lgamma " + repr(x), lambda: math.lgamma(x))
for x in [0, 0.1, 0.5, 1, 1.5, 2, 3, 5, 6, 10, 27, 30, -0.5, -2, -10, math.inf, -math.inf, math.nan]:
    print("erf", x, math.erf(x), math.erfc(x))
