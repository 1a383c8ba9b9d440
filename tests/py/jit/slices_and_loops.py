# Slices in compiled loops, and side traces that end at the back-edge of another loop
# (a sibling loop the trace's own loop does not enclose).


def flips(n):
    perm = list(range(n))
    total = 0
    for rounds in range(400):
        p = perm[:]
        k = p[0] if p[0] else n - 1
        steps = 0
        while k and steps < 50:
            p[: k + 1] = p[k::-1]
            steps += 1
            k = p[0]
        total += steps + p[-1]
        perm = perm[1:] + perm[:1]
    return total, perm


def sibling_loops(n):
    # Two loops one after the other inside an outer loop.
    out = 0
    for i in range(n):
        a = 0
        for j in range(i % 5 + 1):
            a += j
        b = 1
        for j in range(i % 3 + 1):
            b *= 2
        out += a * b
    return out


def slice_kinds(xs):
    acc = []
    for i in range(len(xs)):
        acc.append(sum(xs[i:]) - sum(xs[:i]))
        acc.append(len(xs[::2]) + len(xs[i::-1]))
        t = tuple(xs)[i : i + 3]
        acc.append(t)
        s = "abcdefghij"[i % 10 :]
        acc.append(s)
    return acc[-8:], len(acc)


def slice_assign(n):
    buf = [0] * 16
    for i in range(n):
        j = i % 12
        buf[j : j + 4] = [i, i + 1, i + 2, i + 3]
        if i % 7 == 0:
            buf[j : j + 2] = (i,)
            buf.append(-i)
        if len(buf) > 40:
            del buf[:20]
    return buf


def negative_and_big(n):
    xs = list(range(30))
    res = 0
    for i in range(n):
        a = xs[-(i % 7) - 3 : -1]
        b = xs[i % 5 : 10**20]
        c = xs[-(10**20) : i % 9]
        res += len(a) + len(b) + len(c)
    return res


print(flips(9))
print(sibling_loops(6000))
print(slice_kinds(list(range(40))))
print(slice_assign(3000))
print(negative_and_big(3000))
