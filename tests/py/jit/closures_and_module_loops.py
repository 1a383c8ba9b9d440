# Closures (LOAD_DEREF/STORE_DEREF, inlined closures), comprehensions and loops at
# module level (names in the globals dict) in compiled code.


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def closures(n):
    scale = 3
    offset = 0

    def f(x):
        return x * scale + offset

    total = 0
    for i in range(n):
        total += f(i) % 11
        if i == n // 2:
            scale = 5  # the cell changes under the compiled loop
    counter = make_counter(2)
    for i in range(n):
        counter()
    return total, counter()


def comprehensions(n):
    flags = [i % 3 == 0 for i in range(64)]
    picked = [x for x in range(n) if flags[x % 64]]
    squares = [x * x for x in picked if x % 2]
    pairs = [(x, x + 1) for x in range(n // 10)]
    return len(picked), sum(squares) % 1000003, pairs[-1]


print(closures(6000))
print(comprehensions(6000))

# Module-level loops: every name is a global.
total = 0
acc = 0.0
items = []
for i in range(5000):
    total += i % 7
    acc += i * 0.25
    if i % 1000 == 0:
        items.append(total)
print(total, acc, items)

k = 0
while k < 4000:
    k += 1
    if k % 3 == 0:
        total -= 1
print(k, total)

# A global rebound to another type mid-loop.
x = 0
for i in range(3000):
    if i == 1500:
        x = float(x)
    x = x + 1
print(x)
