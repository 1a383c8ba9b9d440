# Wide ints (i128 in traces) of both signs: % and // by divisors of each sign and size,
# and an accumulator that passes 2**127, past what a trace keeps (it leaves there and the
# interpreter goes on with big ints).


def past_i128(n):
    # Doubles past 2**127: the trace leaves where i128 would overflow.
    s = 1
    out = []
    for i in range(n):
        s = s + s + i
        if i % 20 == 0:
            out.append(s % 1000000007)
    return s, out


def below_i128(n):
    # Subtracts a growing wide int until the difference passes -2**127 (the subtraction
    # leaves the trace there).
    s = 0
    d = 1
    out = []
    for i in range(n):
        d = d + d + 1
        s = s - d
        if i % 30 == 0:
            out.append(s % 999999937)
    return s, out


def products(n):
    # A wide int times a small int (either sign) past i64 and on to past 2**120, then
    # brought back; a product past i128 leaves the trace.
    f = 1
    out = []
    for i in range(n):
        f = f * (i % 5 + 2) if i % 4 else f * -(i % 3 + 2)
        if f > 2**120 or f < -(2**120):
            f = f % (2**61 - 1) * 1000003 + i
        out.append(f % 1000000007)
    g = 3
    for i in range(n):
        g = g * g + 1 if i % 9 else 3
        out.append(g % 999999937)
    return f, out[:3], out[-3:], sum(out)


def signs(n):
    # Negative wide values, negative divisors, % and // of each sign.
    out = []
    for i in range(n):
        a = (i - n // 2) * 9223372036854775783
        b = a * 3 - i
        for d in (7, -7, 1000000007, -1000000007, 2**62 + 1, -(2**62) - 1, 1, -1):
            out.append(b % d)
            out.append(b // d if abs(b // d) < 2**63 else -1)
    return out


s, out = past_i128(300)
print(s % 2**64, len(str(s)), out[:4], out[-2:])
print(signs(60)[:20], sum(signs(60)))
print(products(400))
s, out = below_i128(300)
print(s % 2**64, len(str(s)), out[:4], out[-2:])
