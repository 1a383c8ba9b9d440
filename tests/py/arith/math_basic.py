# math: constants, roots, exponentials, logarithms, trigonometry, with ints of any
# size accepted and CPython's domain/range errors.
import math


def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf, math.pi == 3.141592653589793)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(10 ** 100), math.sqrt(True), math.sqrt(math.inf))
print(math.exp(0), math.exp(1), math.exp(-745.2), math.exp(-1000), math.expm1(1e-10), math.exp2(10), math.exp2(-1))
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(2 ** 1000), math.log(10 ** 1000))
print(math.log(10 ** 400, 10 ** 200), math.log2(2 ** 10000), math.log2(1024), math.log2(3), math.log10(1000), math.log10(10 ** 500))
print(math.log1p(0), math.log1p(-0.0), math.log1p(1e-20), math.log(math.inf), math.log2(True), math.log10(2 ** 2000 - 1))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi), math.atan(1), math.asin(1), math.acos(1))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0), math.tanh(1000), math.tanh(-math.inf))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.atan2(-0.0, -1), math.atan2(math.inf, math.inf))
print(math.atan2(math.inf, -math.inf), math.atan2(-math.inf, 5), math.atan2(5, math.inf), math.atan2(5, -math.inf))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1), math.cbrt(27), math.cbrt(-8), math.cbrt(2))
print(math.fabs(-3), math.fabs(-0.0), math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(1, math.nan))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 1, 1, 1), math.hypot(1e200, 1e200), math.hypot(1e-200, 1e-200))
print(math.hypot(5e-324, 5e-324), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(*range(20)))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((), ()), math.dist(iter([1.5]), (0.5,)))
print(math.isnan(math.nan), math.isnan(1), math.isinf(-math.inf), math.isinf(10 ** 300), math.isfinite(1e308), math.isfinite(math.nan))

for name in ["sqrt", "log", "log2", "log10", "log1p", "acos", "asin", "acosh", "atanh", "exp", "expm1", "exp2",
             "cosh", "sinh", "sin", "cos", "tan", "fabs", "atan", "tanh", "asinh", "cbrt"]:
    f = getattr(math, name)
    for x in [-1, 0, 0.5, 2, 1000, -math.inf, math.inf, math.nan, 10 ** 400]:
        t(name + " " + repr(x), lambda: f(x))
t("log base 1", lambda: math.log(10, 1))
t("log base 0", lambda: math.log(10, 0))
t("log base -2", lambda: math.log(10, -2))
t("log neg big", lambda: math.log(-10 ** 400))
t("log 0 big base", lambda: math.log(10 ** 400, 0.5))
t("log str", lambda: math.log("1"))
t("log no args", lambda: math.log())
t("log 3 args", lambda: math.log(1, 2, 3))
t("log kw", lambda: math.log(x=1))
t("sqrt no args", lambda: math.sqrt())
t("sqrt 2 args", lambda: math.sqrt(1, 2))
t("sqrt kw", lambda: math.sqrt(x=4))
t("sqrt str", lambda: math.sqrt("4"))
t("sqrt none", lambda: math.sqrt(None))
t("atan2 one arg", lambda: math.atan2(1))
t("copysign str", lambda: math.copysign(1, "a"))
t("dist mismatch", lambda: math.dist((1, 2), (1,)))
t("dist not iterable", lambda: math.dist(1, 2))
t("hypot str", lambda: math.hypot(1, "2"))
t("hypot kw", lambda: math.hypot(x=1))


class F:
    def __float__(self):
        return 6.25


class I:
    def __index__(self):
        return 4


t("sqrt __float__", lambda: math.sqrt(F()))
t("sqrt __index__", lambda: math.sqrt(I()))
t("log __float__", lambda: math.log(F()))
t("hypot objs", lambda: math.hypot(F(), I()))
