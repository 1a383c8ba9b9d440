# `dst[a:b] = src[c:d:s]` copied without the intermediate list: negative, None and
# out-of-range bounds, tuples and strs as sources, and exits between taking the source and
# storing it (a bound that changes type mid-loop).


def bounds(n):
    src = list(range(20))
    dst = list(range(100, 110))
    acc = 0
    for i in range(n):
        a = i % 30 - 15
        b = a + i % 9 - 3
        dst[a:b] = src[b:a:-1]
        dst[b:] = src[a:b]
        dst[:a] = src[None:b]
        dst[-3:-1] = src[a:None]
        acc += len(dst) + (dst[0] if dst else -1)
        if len(dst) > 40:
            dst = list(range(100, 110))
    return acc, dst


print(bounds(2500))


def tuples_and_strs(n):
    t = tuple(range(12))
    l = list(range(12))
    acc = []
    for i in range(n):
        k = i % 12
        l[: k + 1] = t[k::-1]
        l[k:] = t[:k:2]
        if i % 40 == 0:
            acc.append(l[:6])
        if len(l) < 6:
            l = list(range(12))
    return acc


def strs(n):
    s = "abcdefghijkl"
    acc = []
    for i in range(n):
        k = i % 12
        w = list(s)
        w[: k + 1] = s[k::-1]
        if i % 40 == 0:
            acc.append("".join(w))
    return acc


print(tuples_and_strs(500))
print(strs(500))


def bound_changes_type(n):
    a = list(range(10))
    acc = []
    for i in range(n):
        k = i % 9 if i < n // 2 else (True if i % 2 else None)
        a[:k] = a[k::-1]
        if i % 61 == 0:
            acc.append((k, a[:]))
    return acc


print(bound_changes_type(700))
