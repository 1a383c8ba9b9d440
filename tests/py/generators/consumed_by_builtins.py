# sum(), any(), all(), min() and max() of generators: results, start values, early
# exits leaving the generator suspended, empty generators, errors raised by the items
# or by the comparisons, and loops that call them many times (compiled).


def gen(n):
    for i in range(n):
        yield i


print(sum(x * x for x in range(10)), sum((x for x in range(5)), 100))
print(sum((x / 3 for x in range(7)), 0.5), sum(x for x in [2**62, 2**62, 2**62]))
print(sum((x for x in [[1], [2, 3]]), []), sum(x for x in ()))
print(any(x > 3 for x in range(5)), any(x > 9 for x in range(5)), any(x for x in ()))
print(all(x < 3 for x in range(5)), all(x < 9 for x in range(5)), all(x for x in ()))
print(min(x % 7 for x in range(20)), max(x % 7 for x in range(20)))
print(min(s for s in ["pear", "apple", "fig"]), max((x, -x) for x in range(4)))
print(max(gen(6)), min(gen(6)), sum(gen(6)), any(gen(1)), all(gen(3)))

# Early exits: the generator stays suspended where any()/all() stopped.
g = (x for x in range(10))
print(any(x == 4 for x in g), next(g), list(g))
g = gen(10)
print(all(x < 3 for x in g), next(g))

for f in (min, max):
    try:
        f(x for x in [])
    except ValueError as e:
        print(type(e).__name__, e)
    print(f((x for x in []), default="empty"), f((x for x in "hello"), key=ord))

try:
    sum(x for x in [1, 2, "three"])
except TypeError as e:
    print("TypeError", e)
try:
    max(x for x in [1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sum(10 // (3 - x) for x in range(5))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    sum("ab" for x in range(2))
except TypeError as e:
    print("TypeError", e)


def stops():
    yield 1
    raise StopIteration


try:
    sum(stops())
except RuntimeError as e:
    print("RuntimeError", e)


def hot(n):
    data = list(range(60))
    t = 0
    for i in range(n):
        t += sum(x * i for x in data if x % 2)
        t += any(x > 58 for x in data) + all(x >= 0 for x in data)
        t += max(x % 7 for x in data) + min(x - i for x in data)
        if i % 500 == 0:
            data.append(0.5)
    return t


print(hot(3000))

# Collected: list(), tuple(), sorted(), str.join, set() and min/max with a key.
print(list(x * 2 for x in range(5)), tuple(gen(3)), sorted((x % 4 for x in range(9)), reverse=True))
print("-".join(str(x) for x in range(6)), sorted(set(x % 3 for x in range(10))))
print(max((x for x in ["bb", "a", "ccc"]), key=len), list(x for x in ()))
try:
    "".join(x for x in ["a", 1])
except TypeError as e:
    print("TypeError", e)
try:
    list(1 // (2 - x) for x in range(4))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def grid(n):
    rows = "ABCDEFGHI"
    cols = "123456789"
    out = 0
    for i in range(n):
        line = "".join(rows[(i + k) % 9] + cols[k] for k in range(9))
        out += len(line) + len(list(c for c in line if c in "AEI"))
    return out


print(grid(2000))
