# Ints past i64 inside hot loops (kept as i128 in traces): products that overflow i64
# reduced by % (either sign of modulus), accumulators that pass 2**63 and the textbook
# integer matrix product mod p. (More: wide_ints_signs, wide_ints_escape,
# wide_ints_compare.)


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


def primes_below(n):
    out = []
    for p in range(2, n):
        d = 2
        while d * d <= p and p % d:
            d += 1
        if d * d > p:
            out.append(p)
    return out


primes = primes_below(3000)
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
