# Sieve of Eratosthenes over a list of flags, then prime statistics from it: the
# prime count, twin primes, the largest prime gap, and a checksum of the primes
# (sum and a running polynomial hash mod 2**61 - 1 over big-ish ints).
import sys


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for m in range(i * i, limit + 1, i):
                flags[m] = False
        i += 1
    return flags


def segmented_count(limit, segment, base_primes):
    # Count primes again with a segmented sieve, the way large ranges are done.
    count = 0
    low = 0
    while low <= limit:
        high = min(low + segment - 1, limit)
        seg = [True] * (high - low + 1)
        for p in base_primes:
            if p * p > high:
                break
            start = max(p * p, (low + p - 1) // p * p)
            for m in range(start, high + 1, p):
                seg[m - low] = False
        for k in range(len(seg)):
            if seg[k] and low + k >= 2:
                count += 1
        low += segment
    return count


def main(limit):
    flags = sieve(limit)
    primes = [i for i in range(limit + 1) if flags[i]]
    twins = 0
    max_gap = 0
    gap_at = 0
    h = 0
    modulus = 2 ** 61 - 1
    for k in range(1, len(primes)):
        gap = primes[k] - primes[k - 1]
        if gap == 2:
            twins += 1
        if gap > max_gap:
            max_gap = gap
            gap_at = primes[k - 1]
        h = (h * 1000003 + primes[k]) % modulus
    root = int(limit ** 0.5) + 1
    base = [p for p in primes if p <= root]
    again = segmented_count(limit, 32768, base)
    print(len(primes), again, twins, max_gap, gap_at)
    print(sum(primes), h)
    print(primes[-5:])


if sys.argv[-1] == "quick":
    N = 100000
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 5000000
main(N)
