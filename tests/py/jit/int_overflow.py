# Arithmetic in hot loops that crosses the i64 boundary: add, sub, mul, neg,
# with negative numbers and the -2**63 edge. Every result is printed or checksummed.

MAX = 2**63 - 1
MIN = -2**63

def add_past_max(n):
    x = MAX - 1000
    crossed = None
    for i in range(n):
        x = x + 1
        if crossed is None and x > MAX:
            crossed = i
    return x, crossed, x - MAX
print("add", add_past_max(3000))

def sub_past_min(n):
    x = MIN + 1500
    crossed = None
    for i in range(n):
        x = x - 1
        if crossed is None and x < MIN:
            crossed = i
    return x, crossed, x == MIN - (n - 1500)
print("sub", sub_past_min(3000))

def sub_exactly_to_min(n):
    # lands exactly on -2**63 (still a machine int) and then one past it
    x = MIN + n - 1
    vals = []
    for i in range(n + 1):
        x -= 1
        if i >= n - 2:
            vals.append((x, x == MIN, x < MIN))
    return vals
print("min edge", sub_exactly_to_min(2500))

def negate_min(n):
    out = 0
    x = MIN
    for i in range(n):
        y = -x          # 2**63: does not fit
        z = abs(x)
        w = x * -1
        q = x // -1
        out += (y == 2**63) + (z == 2**63) + (w == 2**63) + (q == 2**63) + (x == MIN)
        if i == n - 1:
            print(y, z, w, q, x)
    return out
print("negate", negate_min(2200))

def mul_growth(n):
    x = 1
    checks = []
    for i in range(n):
        x = x * 7 if i % 60 < 30 else x // 7 + 1
        if i % 500 == 0:
            checks.append(x.bit_length())
    return x, checks
print("mul", mul_growth(3000))

def mul_negative(n):
    x = -3
    s = 0
    for i in range(n):
        y = x * (2**61 + i)   # overflows negative
        s += y % 1000003
        if i % 2 == 0:
            x = -x
    return s
print("mul neg", mul_negative(2500))

def near_2_62(n):
    # many small steps across 2**62 and 2**63 with mixed signs
    a = 2**62 - 1000
    b = -(2**62) + 1000
    acc = 0
    for i in range(n):
        a += 2**52
        b -= 2**52
        acc += a + b           # zero in exact arithmetic
        acc += (a * 2) - (b * -2)  # crosses 2**63 when a > 2**62
    return a, b, acc
print("2**62", near_2_62(3000))

def accum_wrap_back(n):
    # a sum that goes big and comes back into i64 range
    s = 0
    for i in range(n):
        if i < n // 2:
            s += 2**60
        else:
            s -= 2**60
    return s, type(s).__name__
print("wrap back", accum_wrap_back(4000))

def shifts(n):
    acc = 0
    for i in range(n):
        k = i % 70
        v = 1 << k
        acc += v - (-v >> 1)
        acc %= 2**80
    return acc
print("shifts", shifts(3000))

def fib_mod(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a % (10**9 + 7), a.bit_length()
print("fib", fib_mod(3000))

def pow_loop(n):
    total = 0
    for i in range(n):
        total += (i % 20) ** (i % 17) - (-(i % 13)) ** 3
    return total
print("pow", pow_loop(3000))

# module-level overflow loop
m = MAX
for i in range(2500):
    m = m + i - (i - 1)
print("module", m, m - MAX)
