# A list slice assigned the same list's items backwards (`a[:k + 1] = a[k::-1]`,
# `a[i:j] = a[j - 1:i - 1:-1]`), which compiled loops reverse in place when the two
# slices are one range: bounds negative, past either end, None, bools and the i64
# extremes; the pattern holding at first and not later (the list grows instead); other
# lists, aliases, tuples and a step that is not a constant, which take the general copy.


def prefixes(n, size):
    a = list(range(size))
    total = 0
    for i in range(n):
        k = (i * 7) % (size + 4) - 2  # -2 .. size + 1: negative, in range and past the end
        a[: k + 1] = a[k::-1]
        total += a[0] * (i % 5) + a[-1] + len(a)
        if len(a) > 3 * size:
            a = list(range(size))
    return total, a


print(prefixes(30000, 9))
print(prefixes(500, 1))


def ranges(n):
    a = list(range(12))
    out = []
    for i in range(n):
        lo = i % 5
        hi = lo + i % 7
        a[lo:hi] = a[hi - 1 : lo - 1 : -1]  # lo == 0: the source is empty, `a` shrinks
        a[-4:] = a[:-5:-1]
        a[lo:] = a[:lo - 1 : -1]
        a[:] = a[::-1]
        if len(a) < 8:
            a.extend(range(100 + i, 104 + i))
        if i % 997 == 0:
            out.append(a[:])
    return out


for r in ranges(8000):
    print(r)


def extremes(n):
    a = list(range(7))
    out = []
    for i in range(n):
        big = 9223372036854775806 - i % 3  # k + 1 still fits i64
        a[: big + 1] = a[big::-1]
        small = -9223372036854775808 + i % 2
        a[: small + 1] = a[small::-1]  # both empty
        a[small:big] = a[big:small:-1]
        out.append(a[0])
    return sum(out), out[-9:], a


print(extremes(3000))


def bools(n):
    a = list(range(6))
    out = []
    for i in range(n):
        k = i % 3 == 0
        a[: k + 1] = a[k::-1]
        j = i % 4 if i % 5 else True
        a[:j + 1] = a[j::-1]
        out.append(a[0])
    return sum(out), out[-9:]


print(bools(4000))


def stops_matching(n):
    # In range for the first half; then -1 and -2 (the source is the whole list,
    # backwards, the target empty: the list grows) now and then.
    a = list(range(8))
    out = []
    for i in range(n):
        k = i % 7 if i < n // 2 or i % 5 else -(i % 3) - 1
        a[: k + 1] = a[k::-1]
        if len(a) > 30:
            del a[8:]
        if i % 531 == 0:
            out.append((k, a[:]))
    return out


for r in stops_matching(12000):
    print(r)


def other_lists(n):
    a = list(range(10))
    b = a  # the same list under another name
    c = list(range(10, 20))
    t = tuple(range(20, 30))
    out = []
    for i in range(n):
        k = i % 10
        a[: k + 1] = b[k::-1]
        x = a if i % 3 else c
        x[: k + 1] = a[k::-1]
        c[: k + 1] = t[k::-1]
        step = -1 if i % 7 else -2
        m = k // 2 * 2 if step == -2 else k
        a[: m // -step + 1] = a[m::step]
        if i % 411 == 0:
            out.append((a[:], c[:]))
    return out


for r in other_lists(6000):
    print(r)


def mutated(n):
    # The list changes length and items between reversals, through another name too.
    a = list(range(5))
    alias = a
    out = []
    for i in range(n):
        k = i % 9
        a[: k + 1] = a[k::-1]
        if i % 4 == 0:
            alias.append(i)
        elif i % 4 == 2:
            alias.pop(0)
        a[k // 2] = -i
        if len(a) > 12:
            del alias[:6]
        out.append(a[0])
    return sum(out), out[-10:], a


print(mutated(10000))
