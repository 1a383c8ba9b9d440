# Spectral norm: the largest singular value of the infinite matrix
# A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), by power iteration on A^T A
# (the Computer Language Benchmarks Game workload). Tight float loops and calls.
import sys


def eval_a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    result = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * u[j]
        result.append(s)
    return result


def times_at(u):
    n = len(u)
    result = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        result.append(s)
    return result


def times_at_a(u):
    return times_at(times_a(u))


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_at_a(u)
        u = times_at_a(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("%0.9f" % ((vbv / vv) ** 0.5))
    print(repr(sum(u)), repr(sum(v)))


if sys.argv[-1] == "quick":
    N = 40
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 420
main(N)
