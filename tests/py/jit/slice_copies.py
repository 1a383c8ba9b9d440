# A slice of a list or tuple assigned at once to a list slice (`dst[a:b] = src[c:d:s]`),
# which compiled loops copy without the intermediate list: reversed prefixes, the source
# being the target (of the same or another length), copies between reads and writes of
# both lists. (slice_copies_alias.py, _bounds.py and _errors.py have the edge cases.)


def reversed_prefixes(n):
    perm = list(range(10))
    total = 0
    for i in range(n):
        k = (i * 7) % 10
        perm[: k + 1] = perm[k::-1]
        total += perm[0] * (i % 5) + perm[-1]
    return total, perm


print(reversed_prefixes(3000))


def between_effects(n):
    # The copy is interleaved with reads and writes of both lists.
    a = list(range(12))
    b = [0] * 12
    total = 0
    for i in range(n):
        k = i % 11
        b[: k + 1] = a[k::-1]
        a[0] = b[k] + 1
        total += b[0] + a[0]
        a[1:k] = b[k::-1][: k - 1]
    return total, a, b


print(between_effects(2000))


def fannkuch_like(n):
    perm1 = list(range(n))
    flips_total = 0
    for r in range(200):
        perm = perm1[:]
        k = perm[0]
        flips = 0
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        flips_total += flips
        perm1 = perm1[1:] + perm1[:1]
        if r % 3 == 0:
            perm1[0], perm1[-1] = perm1[-1], perm1[0]
    return flips_total, perm1


print(fannkuch_like(7))


SHIFT = 1


def global_bound(n):
    # A bound read from a global between taking the source and storing it; the global
    # is rebound now and then, so its guard leaves there.
    global SHIFT
    perm = list(range(10))
    total = 0
    for i in range(n):
        k = i % 8
        perm[: k + SHIFT] = perm[k::-1]
        if i % 100 == 99:
            SHIFT = 2 if SHIFT == 1 else 1
        total += perm[0] + len(perm)
    return total, perm


print(global_bound(1000))
