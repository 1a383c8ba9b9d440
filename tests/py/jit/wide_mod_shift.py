# Ints past i64 in hot loops: `%` and `//` by divisors past i64 (a 64-bit LCG's
# `% 2**64`), `>>` of such ints by every kind of amount, signs on both sides, a divisor
# that becomes zero, and results at the edges of 128 bits.


def lcg(n, seed):
    state = seed
    out = 0
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out = (out * 31 + (state >> 33)) % 1000000007
    return state, out


print(lcg(5000, 2024))
print(lcg(5000, 2**63 + 5))


def signs(n):
    acc = []
    big = 2**70 + 12345
    for i in range(n):
        x = (i - n // 2) * 2**66 + i * 977
        d = (2**65 + i) * (-1 if i % 3 == 0 else 1)
        acc.append((x % d, x // d, x % big, x // -big, x >> 1, x >> 64, x >> 65, x >> 127, x >> 500))
    return acc


r = signs(400)
print(r[0], r[1], r[-1])
print(sum(t[0] for t in r) % 1000003, sum(t[1] for t in r), sum(t[4] % 99991 for t in r))


def shifts(n, amounts):
    total = 0
    v = 2**100 + 7
    for i in range(n):
        k = amounts[i % len(amounts)]
        total += (v + i) >> k
        total += (-(v + i)) >> k
    return total


print(shifts(3000, [0, 1, 63, 64, 65, 100, 127, 128, 1000]))


def zero_divisor(n):
    d = 2**64
    s = 0
    for i in range(n):
        s += (2**80 + i) % d
        if i == n - 2:
            d = d - 2**64  # 0
    return s


try:
    zero_divisor(2000)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def edges(n):
    out = []
    top = 2**127 - 1
    for i in range(n):
        out.append((top - i) % (2**126 + 1))
        out.append((-top - 1 + i) // (2**64))
        out.append((-(2**127)) // -1 if i == n - 1 else 0)
    return out[-6:]


print(edges(500))


def negative_shift(n):
    s = 0
    for i in range(n):
        s += (2**70 + i) >> (3 - i // 50)
    return s


try:
    negative_shift(300)
except ValueError as e:
    print("ValueError:", e)
