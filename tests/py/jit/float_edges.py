# Float edge cases in hot loops: nan comparisons (all false, != true), -0.0 (equal to
# 0.0 but a different sign), inf arithmetic, division by zero caught, int/float mixing
# at large magnitudes, float -> int conversion, rounding and repr.
import math

nan = float("nan")
inf = float("inf")

def nan_compare(n):
    vals = [1.0, nan, -inf, 0.0, inf, -0.0, nan]
    counts = [0] * 7
    for i in range(n):
        a = vals[i % 7]
        b = vals[(i // 7) % 7]
        counts[0] += a < b
        counts[1] += a <= b
        counts[2] += a == b
        counts[3] += a != b
        counts[4] += a > b
        counts[5] += a is b
        counts[6] += not (a >= b)
    return counts
print("nan compare", nan_compare(7000))

def nan_branches(n):
    x = 0.0
    taken = [0, 0, 0]
    for i in range(n):
        if i == 1500:
            x = nan
        if x < 1.0:
            taken[0] += 1
        elif x >= 1.0:
            taken[1] += 1
        else:
            taken[2] += 1        # only nan gets here
    return taken, x == x, math.isnan(x)
print("nan branches", nan_branches(3000))

def nan_in_containers(n):
    lst = [nan]
    c = 0
    for i in range(n):
        c += nan in lst            # identity makes this True
        c += (nan != nan) * 10 + (nan in [1.0, 2.0])
        c += (nan == nan) * 1000
    return c, max(nan, 1.0), max(1.0, nan), min(nan, 1.0)
print("nan containers", nan_in_containers(3000))

def neg_zero(n):
    z = 0.0
    out = []
    for i in range(n):
        z = -z if i % 2 == 0 else z * -1.0
        if i >= n - 2:
            out.append((z, repr(z), math.copysign(1.0, z), z == 0.0, 1 / inf * z))
    a = -0.0 + 0.0
    b = -0.0 - 0.0
    c = 0.0 * -1
    d = -0.0 * -0.0
    return out, a, b, c, d, round(-0.4), round(-0.5), str(-0.0), abs(-0.0), -0.0 // 1, -0.0 % 1
print("neg zero", neg_zero(3001))

def inf_arith(n):
    x = 1.0
    first_inf = None
    for i in range(n):
        x *= 1.5
        if first_inf is None and x == inf:
            first_inf = i
    y = -x
    return first_inf, x, y, x + y, x - x, x * 0, x / x, 1 / x, -1 / x, x > 10**400, -x < -(10**400)
print("inf", inf_arith(3000))

def div_zero(n):
    caught = {}
    s = 0.0
    for i in range(n):
        d = (i % 5) - 2           # -2..2, zero one time in five
        for op in range(4):
            try:
                if op == 0:
                    s += 1.0 / d
                elif op == 1:
                    s += i // d
                elif op == 2:
                    s += i % (d * 1.0)
                else:
                    s += divmod(i, d)[1]
            except ZeroDivisionError as e:
                key = str(e)
                caught[key] = caught.get(key, 0) + 1
    return s, sorted(caught.items())
print("div zero", div_zero(3000))

def float_accum(n):
    s = 0.0
    comp = 0.0
    for i in range(1, n):
        y = 1.0 / i - comp
        t = s + y
        comp = (t - s) - y
        s = t
    naive = 0.0
    for i in range(1, n):
        naive += 1.0 / i
    return s, naive, s == naive, repr(s)
print("accum", float_accum(4000))

def big_mix(n):
    out = 0
    bad = 0
    for i in range(n):
        big = 2**53 + i
        f = float(big)
        out += (f == big) + (f < big) * 10 + (int(f) == big) * 100
        try:
            float(10**400 + i)
        except OverflowError:
            bad += 1
        if i % 1000 == 0:
            out += int(1e300 / 1e290) + int(-2.5e18 * 4)
    return out, bad, 2**1000 / 2**999, 10**300 * 1.0, (10**308 * 10) > 1e308
print("big mix", big_mix(3000))

def conversions(n):
    res = 0
    for i in range(n):
        f = (i - 1500) / 7
        res += int(f) + math.floor(f) + math.ceil(f) + round(f) + math.trunc(f)
    errs = []
    for bad in (nan, inf, -inf):
        try:
            int(bad)
        except (ValueError, OverflowError) as e:
            errs.append(type(e).__name__)
    return res, errs, round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(1e16 + 1.0)
print("conversions", conversions(3000))

def repr_loop(n):
    xs = []
    for i in range(n):
        v = i / 10 + 0.1 * (i % 3) - 1e-5 * i
        if i % 500 == 0:
            xs.append(repr(v))
    return xs, repr(1e16), repr(1e-7), repr(123456789.0 * 1e10), str(0.1 + 0.2)
print("repr", repr_loop(3000))

def float_pow_mod(n):
    s = 0.0
    for i in range(n):
        x = (i % 13) - 6.5
        s += x ** 2 + (x % 3.0) + (x // 2.0) + math.fmod(x, 2.5)
        if x > 0:
            s += x ** 0.5
        else:
            s -= (-x) ** 0.5 + x ** -2
    return s
print("pow mod", float_pow_mod(3000))

# module level: -0.0 through a hot loop, then sign check
mz = 0.0
for i in range(3000):
    mz = mz * -1.0
print("module", mz, math.copysign(1, mz), math.atan2(mz, -1.0), math.atan2(-mz, -1.0))
