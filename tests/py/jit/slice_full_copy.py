# `x[:]` (and `x[0:]`, `x[::1]`, `x[0::1]`) in compiled loops: a list's is a new list of
# its items, copied without the slice machinery; a tuple's is the tuple itself and a
# str's the str. The copy is independent of the list, empty lists are copied too, and a
# name that holds a list, then a tuple, then a str leaves through the kind guard.


def copies(n):
    base = [3, 1, 2]
    out = []
    total = 0
    for i in range(n):
        c = base[:]
        d = base[0:]
        e = base[::1]
        f = base[0::1]
        c.append(i)
        if d:
            d[0] = -i
        total += len(c) + len(d) + sum(e) + (f[-1] if f else 7) + (c is base) + (e is f) + (e == f)
        if i % 10 == 0:
            base.append(i)
        if len(base) > 8:
            base = []
        if i % 370 == 0:
            out.append((c, d, e, f, base))
    return total, out


print(copies(4000))


def kinds(n):
    things = [[1, 2, 3], (4, 5, 6), "789", [], ()]
    out = []
    for i in range(n):
        x = things[i % 5] if i > n // 2 else things[0]
        y = x[:]
        out.append((type(y).__name__, y is x, y == x, len(y)))
    return out[:3] + out[-7:]


print(kinds(3000))


def fannkuch(n):
    # The benchmark's shape: a copy, then reversed prefixes of it until 0 is in front.
    perm1 = list(range(n))
    count = list(range(n))
    checksum = 0
    max_flips = 0
    permutations = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        max_flips = max(max_flips, flips)
        checksum += flips if permutations % 2 == 0 else -flips
        permutations += 1
        while True:
            if r == n:
                return checksum, max_flips, permutations, perm1
            p0 = perm1[0]
            i = 0
            while i < r:
                j = i + 1
                perm1[i] = perm1[j]
                i = j
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


print(fannkuch(6))
print(fannkuch(7))
