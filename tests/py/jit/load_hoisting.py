# Loads with several arguments (list items, dict entries, instance slots) that a loop
# repeats are computed once when nothing in the loop can change them, and computed again
# after anything that may: item and slice stores, appends, pops, dict stores, in-place
# list ops. Also `int()` of floats, inline: truncation, the i64 edges, inf and nan.


def invariant_rows(a, n):
    # a[i] does not change in the inner loop: loaded once per row.
    total = 0
    for i in range(n):
        for t in range(n):
            total += a[i][t] * (t + 1)
    return total


def row_replaced(a, n):
    # The row a[0] is replaced inside the loop: a[0] must be read again each time.
    total = 0
    for t in range(n):
        total += a[0][t % len(a[0])]
        a[0] = [t, t + 1, t + 2]
    return total


def slice_store(n):
    l = [1, 2, 3]
    tot = 0
    for i in range(n):
        before = l[0]
        k = len(l)
        l[0:1] = [i, i]
        tot += l[0] - before + len(l) - k
    return tot, len(l)


def item_store(n):
    l = [0, 0]
    tot = 0
    for i in range(n):
        x = l[1]
        l[1] = i
        tot += l[1] - x
    return tot


def append_pop(n):
    l = [5]
    tot = 0
    for i in range(n):
        tot += l[-1]
        l.append(i)
        tot += l[-1]
        if i % 3 == 0:
            l.pop()
        tot += l[-1] + len(l)
    return tot


def inplace_list(n):
    l = []
    m = [1]
    for i in range(n):
        l += [i]
        if i % 300 == 0:
            m *= 2
    return len(l), sum(l), len(m)


def dict_entries(n):
    d = {"a": 1, "b": 2}
    tot = 0
    for i in range(n):
        tot += d["a"]
        d["a"] = i
        tot += d["a"] + d["b"]
        if i == n // 2:
            d["c"] = 0
    return tot, sorted(d)


class P:
    def __init__(self, x):
        self.x = x
        self.y = 0


def attrs(n):
    p = P(3)
    tot = 0
    for i in range(n):
        tot += p.x
        p.x = i
        tot += p.x + p.y
    return tot


def to_int(xs, reps):
    out = []
    for _ in range(reps):
        out = []
        for x in xs:
            try:
                out.append(int(x))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__)
    return out


def int_of_sqrt(n):
    found = 0
    for a in range(1, n):
        for b in range(a, n):
            c2 = a * a + b * b
            c = int(c2**0.5)
            if c < n and c * c == c2:
                found += 1
    return found


grid = [[i * 10 + j for j in range(30)] for i in range(30)]
print(invariant_rows(grid, 30))
print(row_replaced([[1, 2, 3, 4]], 3000))
print(slice_store(3000))
print(item_store(3000))
print(append_pop(3000))
print(inplace_list(3000))
print(dict_entries(3000))
print(attrs(3000))
vals = [1.5, -1.5, 0.0, -0.0, 0.999, -0.999, 1e18, -9.223372036854775808e18, 9.223372036854775808e18,
        9.223372036854774784e18, 1e30, -1e30, float("inf"), float("-inf"), float("nan"), 2.0**62,
        -(2.0**63) - 4096.0, 123456789.987]
print(to_int(vals, 200))
print(int_of_sqrt(200))
# A loop whose int() argument leaves the i64 range part-way.
acc = 0
x = 1.0
for i in range(2000):
    x *= 1.05
    acc += int(x) % 1000
print(acc)
