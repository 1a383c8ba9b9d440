# Ints past i64 inside hot loops: products that overflow i64 reduced by %, accumulators
# that pass 2**63 (kept as i128 in traces) and 2**127 (past what a trace keeps: the
# generic big int path), negative values and divisors, wide values escaping into lists
# and attributes, exits in the middle of a wide computation.


def mulmod_hash(xs, m):
    h = 0
    for x in xs:
        h = (h * 1000003 + x) % m
    return h


def accumulate(n, k):
    s = 0
    for i in range(n):
        s += i * k
    return s


def matmul_mod(a, b, p):
    n = len(a)
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            s = 0
            for t in range(n):
                s += a[i][t] * b[t][j]
            c[i][j] = s % p
    return c


def past_i128(n):
    # Doubles past 2**127: the trace leaves where i128 would overflow.
    s = 1
    out = []
    for i in range(n):
        s = s + s + i
        if i % 20 == 0:
            out.append(s % 1000000007)
    return s, out


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


def escape(n):
    # Wide values written to a list, an attribute and a dict while they are still wide.
    class Box:
        pass

    box = Box()
    box.v = 0
    keep = []
    d = {}
    s = 2**62
    for i in range(n):
        s = s * 3 if i % 7 == 0 else s + i * 2**60
        if i % 5 == 0:
            keep.append(s)
        box.v = s
        d[i % 3] = s - 1
        s = s % (2**100 + 277)
    return keep[:5], keep[-3:], box.v, sorted(d.items())


def exit_midway(xs):
    # A guard fails (a float, a string) with a wide product on the stack.
    total = 0
    for x in xs:
        total = (total + x * 123456789012345678) % 2**89
    return total


def grows(n):
    # The accumulator starts small, becomes big, then shrinks again.
    acc = 1
    trail = []
    for i in range(n):
        if i < n // 2:
            acc = acc * 5 + i
        else:
            acc = acc // 3 - i
        if i % 25 == 0:
            trail.append(acc)
    return acc, trail


def compares(n):
    # Wide values compared, tested for truth and negated.
    hits = 0
    s = 2**63 - 50
    for i in range(n):
        s += i
        if s > 2**63:
            hits += 1
        if s == 2**63 + 5:
            hits += 100
        if not s:
            hits += 1000
    return hits, -s, s - 2**64


def loop_sums(n):
    # Sums of wide values carried round a loop and read back after it.
    a = 0
    b = 0
    for i in range(n):
        a += (i + 1) * 4611686018427387904
        b -= a
    return a, b, a % 97, b % 97, b // -(2**61)


primes = [p for p in range(2, 3000) if all(p % q for q in range(2, int(p**0.5) + 1))]
print(mulmod_hash(primes, 2**61 - 1))
print(mulmod_hash(range(5000), 2**63 - 25))
print(mulmod_hash(range(-3000, 3000, 7), -(2**61) + 1))
print(accumulate(3000, 10**16))
print(accumulate(3000, -(10**16)))
q = [[(i * 7 + j * 3) * 99999989 % 1000000007 for j in range(24)] for i in range(24)]
r = matmul_mod(q, q, 1000000007)
print(sum(map(sum, r)), r[3][5], r[23][0])
r = matmul_mod([[-x for x in row] for row in q], q, -1000000007)
print(sum(map(sum, r)), r[3][5])
s, out = past_i128(300)
print(s % 2**64, len(str(s)), out[:4], out[-2:])
print(signs(60)[:20], sum(signs(60)))
print(escape(400))
print(exit_midway(list(range(2000)) + [1.5] + list(range(100)) + [True, 7]))
print(exit_midway(list(range(3000))))
acc, trail = grows(200)
print(acc, trail[:3], trail[-2:])
print(compares(300))
print(loop_sums(2000))
