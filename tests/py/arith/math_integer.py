# math's integer functions: gcd, lcm, isqrt, factorial, comb, perm.
import math


def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, -5))
print(math.gcd(12, 18, 27), math.gcd(2 ** 100, 6 ** 50), math.gcd(True, 4), math.gcd(1, 10 ** 40, 3))
print(math.lcm(), math.lcm(5), math.lcm(-5), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2 ** 64, 3))
t("gcd float", lambda: math.gcd(1.5, 2))
t("lcm str", lambda: math.lcm(2, "3"))
t("gcd kw", lambda: math.gcd(a=1))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2 ** 52 - 1, 2 ** 64, 10 ** 40, 10 ** 41, True]:
    print("isqrt", n, math.isqrt(n))
t("isqrt neg", lambda: math.isqrt(-1))
t("isqrt float", lambda: math.isqrt(4.0))
for n in [0, 1, 5, 10, 20, 21, 25, 30, True]:
    print("factorial", n, math.factorial(n))
print(len(str(math.factorial(1000))), math.factorial(100) % (10 ** 9 + 7), str(math.factorial(500))[:30])
t("factorial neg", lambda: math.factorial(-1))
t("factorial float", lambda: math.factorial(5.0))
t("factorial huge", lambda: math.factorial(2 ** 70))
t("factorial neg huge", lambda: math.factorial(-2 ** 70))
t("factorial str", lambda: math.factorial("5"))
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (52, 5), (100, 50), (0, 0), (1000, 3), (10 ** 20, 2), (True, True)]:
    print("comb/perm", n, k, math.comb(n, k), math.perm(n, k))
print(math.perm(5), math.perm(0), math.perm(6, None), sum(math.comb(20, k) for k in range(21)))
t("comb neg n", lambda: math.comb(-1, 2))
t("comb neg k", lambda: math.comb(5, -2))
t("perm neg n", lambda: math.perm(-3, 1))
t("perm neg k", lambda: math.perm(3, -1))
t("perm neg single", lambda: math.perm(-3))
t("comb float", lambda: math.comb(5.0, 2))
t("comb one arg", lambda: math.comb(5))
t("perm three args", lambda: math.perm(5, 2, 1))
t("perm no args", lambda: math.perm())


class Idx:
    def __index__(self):
        return 6


print(math.gcd(Idx(), 4), math.lcm(Idx(), 4), math.isqrt(Idx()), math.factorial(Idx()), math.comb(Idx(), 2), math.perm(Idx(), 2))
# Pascal's triangle and a few identities.
for n in range(8):
    print([math.comb(n, k) for k in range(n + 1)])
print(all(math.comb(n, k) == math.factorial(n) // (math.factorial(k) * math.factorial(n - k)) for n in range(30) for k in range(n + 1)))
print(all(math.isqrt(n) ** 2 <= n < (math.isqrt(n) + 1) ** 2 for n in range(2000)))
print(all(math.gcd(a, b) * math.lcm(a, b) == a * b for a in range(1, 40) for b in range(1, 40)))
