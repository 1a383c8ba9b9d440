# Dense matrix multiply on lists of lists of floats, the textbook triple loop with the
# row of A and the column index hoisted, then a transpose and an integer matrix power
# (mod a prime). Prints checksums of the products.
import sys


def matrix(n, seed):
    x = seed
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            row.append((x % 1000) / 100.0 - 5.0)
        rows.append(row)
    return rows


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = []
    for i in range(n):
        ai = a[i]
        ci = [0.0] * m
        for t in range(k):
            ait = ai[t]
            bt = b[t]
            for j in range(m):
                ci[j] += ait * bt[j]
        c.append(ci)
    return c


def transpose(a):
    n = len(a)
    m = len(a[0])
    return [[a[i][j] for i in range(n)] for j in range(m)]


def int_matpow(a, e, p):
    n = len(a)
    result = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
    while e:
        if e & 1:
            result = int_mul(result, a, p)
        a = int_mul(a, a, p)
        e >>= 1
    return result


def int_mul(a, b, p):
    n = len(a)
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            s = 0
            for t in range(n):
                s += a[i][t] * b[t][j]
            c[i][j] = s % p
    return c


def checksum(m):
    s = 0.0
    for i, row in enumerate(m):
        for j, v in enumerate(row):
            s += v * ((i * 31 + j) % 17 - 8)
    return round(s, 6)


def main(n):
    a = matrix(n, 1)
    b = matrix(n, 2)
    c = matmul(a, b)
    d = matmul(transpose(c), a)
    print(n, checksum(c), checksum(d))
    q = [[(i * 7 + j * 3) % 10 for j in range(n // 4)] for i in range(n // 4)]
    r = int_matpow(q, 1000003, 1000000007)
    print(sum(sum(row) for row in r) % 1000000007)


if sys.argv[-1] == "quick":
    N = 24
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 200
main(N)
