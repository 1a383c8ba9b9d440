# Integer floor division and modulo with negative operands (Python rounds toward
# negative infinity; the remainder takes the divisor's sign), at small, i64-edge and
# big-int magnitudes, plus divmod, pow with modulus, and shifts of negatives.

MIN = -2**63
MAX = 2**63 - 1

def signs_table(n):
    acc_q = 0
    acc_r = 0
    rows = []
    for i in range(n):
        a = (i % 41) - 20
        b = (i % 13) - 6
        if b == 0:
            continue
        q = a // b
        r = a % b
        assert q * b + r == a
        acc_q += q * (i % 7 + 1)
        acc_r += r * (i % 5 + 1)
        if i % 700 == 3:
            rows.append((a, b, q, r, divmod(a, b)))
    return acc_q, acc_r, rows
print("signs", signs_table(6000))

def edge_i64(n):
    out = []
    s = 0
    for i in range(n):
        a = MIN + (i % 3)
        b = -1 if i % 2 else 1
        q = a // b            # MIN // -1 overflows i64
        r = a % b
        s += q % 1000003 + r
        if i < 6:
            out.append((a, b, q, r))
    return s, out, MIN // -1, MIN % -1, divmod(MIN, -1), MAX // -1, (MIN - 1) // -1
print("edge", edge_i64(3000))

def big_div(n):
    s = 0
    for i in range(1, n):
        a = -(10**25) - i
        b = (i % 17) - 8 or 3
        s += (a // b) % 99991 + a % b
        s += (2**64 + i) // -(i + 1) + (2**64 + i) % -(i + 1)
        s %= 10**30
    return s
print("big div", big_div(3000))

def mod_power(n):
    s = 0
    for i in range(n):
        s += pow(i - 1500, 3, 1009) + pow(-i - 2, 5, -997) + pow(i + 2, -1, 10007) * (i % 2)
    return s
print("pow mod", mod_power(3000))

def shifts_neg(n):
    s = 0
    for i in range(n):
        v = -(i + 1)
        s += (v >> (i % 8)) + (v << (i % 5)) + (v >> 70) + ((-(2**70) - i) >> (i % 66))
        s += v & 0xFF | (v ^ -7)
    return s
print("shifts", shifts_neg(3000))

def float_floor_div(n):
    s = 0.0
    for i in range(n):
        a = (i % 19) - 9.5
        b = (i % 7) - 3 or 0.5
        s += a // b + a % b
    return s, -7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2, -1e-300 % 1.0, (-1e-300) // 1.0
print("float floordiv", float_floor_div(3000))

def digit_sum_negative(n):
    # a loop whose exit depends on floor division of a negative number
    total = 0
    for i in range(n):
        v = -(i * 7919 + 1)
        steps = 0
        while v != -1:     # -1 // 10 == -1: the fixed point of floor division
            v //= 10
            steps += 1
        total += steps
    return total
print("digits", digit_sum_negative(3000))

def gcd_loop(n):
    s = 0
    for i in range(1, n):
        a, b = -i * 6, i * 4 + 2
        while b:
            a, b = b, a % b
        s += a
    return s
print("gcd", gcd_loop(3000))

# module level
ms = 0
for i in range(-1500, 1500):
    ms += i // 7 - i % 7 + (i // -3) * (i % -3)
print("module", ms)


def zero_divisor(n, op):
    # The divisor reaches 0 inside a compiled loop: the trace leaves, the interpreter
    # raises.
    s = 0
    for i in range(n, -1, -1):
        d = i - n // 2
        s += (i * 31) % d if op == "%" else (i * 31) // d
    return s


for op in ("%", "//"):
    try:
        print("zero", op, zero_divisor(400, op))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
