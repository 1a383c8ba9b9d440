# `for x in range(...)` inside hot loops: the iterator is made without the range object.
# Every argument count, negative steps, bools and big ints as bounds, a zero step that
# raises inside the loop, and ranges that are kept as objects.


def sums(n):
    out = []
    for k in range(n):
        s = 0
        for i in range(k):
            s += i
        for i in range(k, 2 * k):
            s += i
        for i in range(3 * k, -1, -3):
            s -= i
        for i in range(-k, k, 2):
            s += i * i
        out.append(s)
    return out


print(sums(300)[-3:])


def with_steps(steps):
    total = 0
    for st in steps:
        try:
            for i in range(0, 10, st):
                total += i
        except ValueError as e:
            total += 1000
            print("ValueError:", e)
    return total


print(with_steps([1, 2, 3, -1, 5] * 200 + [0] + [1, 4]))


def odd_bounds(n):
    out = []
    for k in range(n):
        c = 0
        for i in range(True, k):  # a bool bound
            c += 1
        for i in range(2**64, 2**64 + k):  # big ints
            c += i - 2**64
        for i in range(k, k + 3, 2**70):
            c += 1
        out.append(c)
    return out


print(odd_bounds(300)[-3:])


def kept(n):
    out = 0
    for k in range(n):
        r = range(k)
        for i in r:
            out += i
        out += len(r) + (r[-1] if r else 0)
        it = iter(range(k))
        out += sum(1 for _ in it)
    return out


print(kept(300))
print(type(iter(range(3))).__name__, list(iter(range(2, 9, 3))))


def raising(n):
    for k in range(n):
        for i in range(k, 0, k - 20):
            pass
    return "done"


try:
    raising(30)
except ValueError as e:
    print("ValueError:", e)
