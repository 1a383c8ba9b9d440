# One loop entered with different slot types (int, big int, float, str): each type gets
# its own compiled variant of the loop, and traces that do not fit hand over to the next.
def dot(a, b):
    s = 0
    for t in range(len(a)):
        s += a[t] * b[t]
    return s


row = [(i * 7 + 3) % 10 * 999999937 for i in range(60)]
col = [(i * 3 + 1) % 10 * 999999929 for i in range(60)]
print([dot(row[k:], col[: 60 - k]) % 1000000007 for k in range(0, 60, 3)])


def accumulate(start, n):
    acc = start
    for i in range(n):
        acc = acc + i if i % 3 else acc * 2
    return acc


for start in [0, 1.5, 2**64, -3, 0.25, 2**64, 7]:
    for n in (40, 80, 200):
        r = accumulate(start, n)
        print(type(r).__name__, r % 1000003)


def join(parts, sep):
    out = parts[0]
    for p in parts[1:]:
        out = out + sep + p
    return out


for _ in range(3):
    print(join(["a", "b", "c"] * 40, "-")[:30], join([1, 2, 3] * 40, 0), join([0.5] * 100, 1.0))


def flip_types(n):
    x = 0
    seen = []
    for i in range(n):
        if i % 50 == 49:
            x = float(x) if isinstance(x, int) else int(x)
        x += 1
        if i % 25 == 0:
            seen.append(repr(x))
    return seen


print(flip_types(600))
