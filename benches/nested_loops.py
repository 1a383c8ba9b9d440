# Nested integer loops: counting lattice points, a triple loop over divisor sums, a
# prefix-sum table and a collatz-length search. Pure int arithmetic and branches.
import sys


def lattice(r):
    count = 0
    for x in range(-r, r + 1):
        for y in range(-r, r + 1):
            if x * x + y * y <= r * r:
                count += 1
    return count


def divisor_sums(n):
    sums = [0] * (n + 1)
    for d in range(1, n + 1):
        for m in range(d, n + 1, d):
            sums[m] += d
    perfect = [k for k in range(2, n + 1) if sums[k] == 2 * k]
    abundant = 0
    for k in range(1, n + 1):
        if sums[k] > 2 * k:
            abundant += 1
    return perfect, abundant


def triples(n):
    found = 0
    for a in range(1, n):
        for b in range(a, n):
            c2 = a * a + b * b
            c = int(c2**0.5)
            if c < n and c * c == c2:
                found += 1
    return found


def collatz(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        k = n
        steps = 0
        while k != 1:
            if k & 1:
                k = 3 * k + 1
            else:
                k >>= 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
    return best_n, best


def main(scale):
    print(lattice(60 * scale))
    print(divisor_sums(3000 * scale))
    print(triples(120 * scale))
    print(collatz(20000 * scale))


if sys.argv[-1] == "quick":
    S = 1
elif len(sys.argv) > 1:
    S = int(sys.argv[1])
else:
    S = 8
main(S)
