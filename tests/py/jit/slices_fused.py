# Slices built and used at once (c[a:b:s], c[a:b:s] = v) inside compiled loops: lists,
# tuples and strs, negative steps, out-of-range bounds, a container that changes type
# mid-loop, and the errors they raise (with the right line).
def flips(n):
    perm = list(range(9))
    total = 0
    for i in range(n):
        k = i % 9
        perm[: k + 1] = perm[k::-1]
        total += perm[0] * (i % 7)
    return total, perm


print(flips(2000))


def views(n):
    s = "the quick brown fox jumps"
    t = tuple(range(30))
    l = list(range(30))
    acc = 0
    out = []
    for i in range(n):
        a = i % 40 - 5
        b = a + i % 11
        acc += len(s[a:b]) + len(t[b:a:-1]) + sum(l[a:b:2]) + len(s[::-3])
        if i % 97 == 0:
            out.append((s[a:b], t[a:b], l[b::-5]))
    return acc, out[:4]


print(views(1500))


def changes_type(n):
    seqs = [list(range(12)), tuple(range(12)), "abcdefghijkl", list(range(12))]
    acc = []
    for i in range(n):
        c = seqs[(i // 300) % 4]
        acc.append(c[i % 5 : i % 5 + 3])
    return acc[::250]


print(changes_type(1200))


def assign(n):
    l = [0] * 20
    for i in range(n):
        j = i % 10
        l[j : j + 3] = (i, i + 1, i + 2)
        l[::5] = [i, -i, i, -i]
        if i == n - 1:
            l[2:4] = [9]  # shrinks the list
    return l


print(assign(1000))


def bad_extended(n):
    l = list(range(10))
    for i in range(n):
        l[::2] = [i] * (5 if i < n - 1 else 4)
    return l


try:
    bad_extended(500)
except ValueError as e:
    print("ValueError:", e)


def bad_step(n):
    l = list(range(10))
    acc = 0
    for i in range(n):
        acc += len(l[:: (1 if i < n - 1 else 0)])
    return acc


try:
    bad_step(500)
except ValueError as e:
    print("ValueError:", e)
