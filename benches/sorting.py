# Sorting: generates pseudo-random records (ints, floats, strings, tuples) and
# sorts them every way a program does: sorted() and list.sort() with keys,
# reverse, tuple keys, a stable multi-pass sort, plus hand-written merge sort,
# quicksort and heapsort on plain lists. Verifies the orders agree and prints
# checksums.
import sys


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state >> 4


def merge_sort(xs):
    if len(xs) <= 16:
        out = xs[:]
        for i in range(1, len(out)):
            x = out[i]
            j = i - 1
            while j >= 0 and out[j] > x:
                out[j + 1] = out[j]
                j -= 1
            out[j + 1] = x
        return out
    mid = len(xs) // 2
    a = merge_sort(xs[:mid])
    b = merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if b[j] < a[i]:
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def quicksort(xs, lo, hi):
    while lo < hi:
        pivot = xs[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while xs[i] < pivot:
                i += 1
            while xs[j] > pivot:
                j -= 1
            if i <= j:
                xs[i], xs[j] = xs[j], xs[i]
                i += 1
                j -= 1
        if j - lo < hi - i:
            quicksort(xs, lo, j)
            lo = i
        else:
            quicksort(xs, i, hi)
            hi = j


def heapsort(xs):
    n = len(xs)

    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and xs[child] < xs[child + 1]:
                child += 1
            if xs[root] < xs[child]:
                xs[root], xs[child] = xs[child], xs[root]
                root = child
            else:
                return

    for start in range((n - 2) // 2, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        xs[0], xs[end] = xs[end], xs[0]
        sift(0, end - 1)


def checksum(xs):
    h = 0
    for x in xs:
        h = (h * 1000003 + hash_of(x)) % 2305843009213693951
    return h


def hash_of(x):
    # A deterministic stand-in for hash(): CPython randomizes str hashes.
    if isinstance(x, str):
        h = 0
        for ch in x:
            h = (h * 131 + ord(ch)) % 1000000007
        return h
    if isinstance(x, tuple):
        h = 7
        for y in x:
            h = (h * 31 + hash_of(y)) % 1000000007
        return h
    if isinstance(x, float):
        return int(x * 1000)
    return x


def main(n):
    rng = Lcg(99)
    ints = [rng.next() % 1000000 for _ in range(n)]
    floats = [rng.next() / 7919.0 for _ in range(n)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(letters[rng.next() % 26] for _ in range(3 + rng.next() % 6)) for _ in range(n // 2)]
    records = [(words[i % len(words)], ints[i] % 100, floats[i]) for i in range(n)]

    a = sorted(ints)
    b = merge_sort(ints)
    c = ints[:]
    quicksort(c, 0, len(c) - 1)
    d = ints[:]
    heapsort(d)
    assert a == b == c == d
    print("ints", a[0], a[n // 2], a[-1], checksum(a))

    f = sorted(floats, reverse=True)
    g = merge_sort([-x for x in floats])
    assert f == [-x for x in g]
    print("floats", repr(f[0]), repr(f[-1]), checksum(f))

    w = sorted(words)
    by_len = sorted(words, key=len)
    by_last = sorted(words, key=lambda s: (s[-1], s))
    print("words", w[0], w[-1], by_len[0], by_len[-1], by_last[0], checksum(w), checksum(by_len))

    # Stable multi-pass sort equals one sort on a composite key.
    multi = records[:]
    multi.sort(key=lambda r: r[2])
    multi.sort(key=lambda r: r[1], reverse=True)
    multi.sort(key=lambda r: r[0])
    composite = sorted(records, key=lambda r: (r[0], -r[1], r[2]))
    assert multi == composite
    print("records", multi[0], multi[-1], checksum(multi[:1000]))

    # Ranking: sort indices by value, then invert the permutation.
    order = sorted(range(n), key=ints.__getitem__)
    rank = [0] * n
    for pos, idx in enumerate(order):
        rank[idx] = pos
    print("ranks", sum(rank[i] * (i % 7) for i in range(n)) % 1000000007)

    # Median of groups via sorting each group.
    groups = {}
    for word, bucket, x in records:
        groups.setdefault(bucket, []).append(x)
    medians = [sorted(v)[len(v) // 2] for k, v in sorted(groups.items())]
    print("medians", len(medians), round(sum(medians), 6))


if sys.argv[-1] == "quick":
    N = 5000
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 80000
main(N)
