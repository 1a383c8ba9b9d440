# Closures made and called inside hot loops: comprehensions over a captured local,
# functions whose parameters live in cells, nonlocal counters, closures kept for later
# (late binding), captured values changing type mid-loop, and exceptions raised inside
# a closure several calls down.


def filtered(n):
    total = 0
    for i in range(n):
        k = i % 7
        vals = [x for x in range(10) if x % 3 != k % 3]
        total += sum(vals) + len([y * k for y in vals])
    return total


print("filtered", filtered(2000))


def adder(a, b):
    # `a` and `b` are parameters held in cells.
    def add(x):
        return x + a + b

    return add(1) + add(2)


def use_adder(n):
    t = 0
    for i in range(n):
        t += adder(i, 2)
    return t


print("adder", use_adder(2000))


def counter(n):
    c = 0

    def bump(by):
        nonlocal c
        c += by

    for i in range(n):
        bump(i % 3)
    return c


print("counter", counter(3000))


def kept(n):
    # Closures kept in a list see the cell's last value (late binding).
    fs = []
    for i in range(n):
        fs.append(lambda: i * 2)
    return [f() for f in fs[:3]], sum(f() for f in fs)


print("kept", kept(500))


def changing(n):
    # The captured value is an int, then a float, then a str.
    out = []
    for i in range(n):
        if i < n // 3:
            scale = 2
        elif i < 2 * n // 3:
            scale = 0.5
        else:
            scale = "ab"
        row = [scale * j for j in range(3)]
        if i % (n // 6) == 0:
            out.append(row)
    return out


print("changing", changing(1200))


def deep(x, d):
    def inner(y):
        return 10 // (y - d)

    def middle(y):
        return inner(y) + 1

    return middle(x)


def raises(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            total += deep(i, i % 50)
        except ZeroDivisionError as e:
            caught += 1
            last = str(e)
    return total, caught, last


print("raises", raises(3000))


def grid(n):
    # A comprehension over a captured list inside a comprehension.
    rows = [[(r * 7 + c) % 10 for c in range(9)] for r in range(9)]
    hits = 0
    for i in range(n):
        d = i % 10
        places = [c for c in range(9) if d in rows[c]]
        hits += len(places)
        cols = [[row[c] for row in rows if row[c] == d] for c in range(3)]
        hits += sum(len(x) for x in cols)
    return hits


print("grid", grid(1500))
