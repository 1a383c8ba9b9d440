# Loops over ranges that count up from zero or more (their items index lists without the
# negative wrap-around, their position kept in a register), next to ranges that do not:
# negative starts, negative steps, positions near the largest i64, and iterators that
# something else in the loop also advances.


def total(a, lo, hi, step=1):
    s = 0
    for i in range(lo, hi, step):
        s += a[i]
    return s


a = list(range(100, 200))
# Compiled counting up from 0, then entered with a negative start (a[-5] is a[95]).
print([total(a, 0, 100) for _ in range(30)][-1])
print(total(a, -5, 10), total(a, -100, 0), total(a, 3, 100, 7))
print(total(a, 99, -101, -1), total(a, 50, 0, -3), total(a, -1, -50, -2))
try:
    total(a, 90, 110)
except IndexError as e:
    print("IndexError", e)


def store(n, lo):
    out = [0] * n
    for i in range(lo, n):
        out[i] = i * i
    return out


for _ in range(30):
    r = store(20, 0)
print(r[:5], r[-1])
print(store(20, -20)[:3], store(20, -3)[-4:])


def near_max(lo, hi, step):
    seen = []
    for v in range(lo, hi, step):
        seen.append(v - lo)
    return seen


M = 2**63 - 1
for _ in range(30):
    near_max(0, 50, 1)
print(near_max(M - 10, M, 3), near_max(M - 10, M + 5, 4), near_max(M - 2, M, 1))


def skipping(n):
    # next() on the loop's own iterator inside the loop.
    it = iter(range(n))
    got = []
    for x in it:
        if x % 5 == 0:
            got.append(next(it, -1))
        else:
            got.append(x)
    return got


for _ in range(20):
    g = skipping(40)
print(g)


def nested_same(n):
    # Two loops advancing one iterator.
    it = iter(range(n))
    pairs = []
    for a in it:
        for b in it:
            if b % 7 == 0:
                break
            pairs.append(a + b)
    return pairs


for _ in range(20):
    p = nested_same(60)
print(len(p), p[:10], sum(p))


def zipped(n):
    it = iter(range(n))
    out = []
    for x in it:
        for y, z in zip(it, range(3)):
            out.append(x * 100 + y * 10 + z)
    return out


for _ in range(20):
    z = zipped(30)
print(len(z), z[:8], sum(z))


def by_generator(n):
    it = iter(range(n))

    def take():
        yield next(it, None)

    out = []
    for x in it:
        if x % 4 == 1:
            for y in take():
                out.append((x, y))
    return out


for _ in range(20):
    bg = by_generator(40)
print(bg)
