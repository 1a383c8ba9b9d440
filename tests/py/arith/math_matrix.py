# math: the module's names and every real function, with domain errors.
import math
names = sorted(n for n in dir(math) if not n.startswith("_"))
print(names)
print(math.isqrt(10**30 + 5), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.lcm(), math.comb(50, 20), math.perm(10, 3), math.perm(5), math.factorial(25), math.fsum([0.1] * 10), math.prod([1, 2, 3], start=2), math.prod([]))
print(math.hypot(3, 4, 12), math.hypot(), math.hypot(1e200, 1e200), math.copysign(1, -0.0), math.frexp(10.5), math.ldexp(0.5, 3), math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.inf, math.nan, math.tau, math.pi, math.e)
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(1e-10), math.expm1(1e-10), math.pow(2, 0.5), math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1), math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.fabs(-2), math.fmod(-7, 3), math.remainder(7, 3), math.modf(-2.5), math.floor(2.5), math.ceil(-2.5), math.trunc(2.9), math.isfinite(1), math.isinf(math.inf), math.isnan(math.nan), math.dist([0, 0], [3, 4]), math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.lgamma(10.5), math.nextafter(1, 2), math.ulp(1.0), math.cbrt(27) if hasattr(math, "cbrt") else "", math.exp2(3) if hasattr(math, "exp2") else "")
print(math.log(2**2000), math.log10(10**400), math.log2(2**1500), math.floor(1e20), math.sqrt(10**20), math.factorial(0), math.comb(5, 7), math.isqrt(0), math.gcd(-4, 6), math.fsum([1e100, 1.0, -1e100]), math.prod([2**40] * 3))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.isqrt(-1), lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.exp(1000), lambda: math.comb(-1, 2), lambda: math.acos(2), lambda: math.fmod(1, 0), lambda: math.log(-1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
