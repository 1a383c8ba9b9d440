# Range iterators advance inside compiled loops: every step sign, empty ranges, steps
# that overflow past the last value, and a range iterator replaced mid-loop.
def total(r):
    s = 0
    n = 0
    for i in r:
        s += i
        n += 1
    return s, n


for args in [(0, 300), (300, 0, -1), (5, 300, 7), (299, -3, -4), (10, 10), (10, 0), (0, 10, -1), (-300, 300, 3)]:
    print(args, total(range(*args)))

big = 2**63 - 1
print(total(range(big - 700, big, 3)))
print(total(range(big - 5, big)))
print(total(range(-big + 5, -big - 1, -2)))
print(total(range(big - 1000, big, 2**62)))
print(total(range(0, 2**63 - 1, 2**62)))

# The same loop over ranges, lists and a big range, in turn.
def mixed():
    out = []
    for src in [range(50), list(range(50)), range(2**70, 2**70 + 50), range(40, 0, -2), (1, 2, 3) * 20]:
        acc = 0
        for x in src:
            acc += x
        out.append(acc)
    return out


for _ in range(3):
    print(mixed())

# The iterator is exhausted for good: a second loop over it does nothing.
it = iter(range(200))
first = 0
for i in it:
    first += i
    if i == 150:
        break
rest = sum(1 for _ in it)
print(first, rest, list(it))

# Nested loops whose inner range changes each time.
def triangle(n):
    c = 0
    for i in range(n):
        for j in range(i, n, 3):
            c += j - i
    return c


print(triangle(200))
