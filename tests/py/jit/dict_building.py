# Dicts built in compiled loops: literals (BUILD_MAP) and comprehensions (MAP_ADD) with
# str, int and float keys, overwriting keys, and a key that is equal across types.


def literals(n):
    total = 0
    last = None
    for i in range(n):
        d = {"i": i, "sq": i * i, i % 3: "mod", 1.0: "one"}
        if i % 2:
            d[1] = "int one"  # the same key as 1.0
        total += d["sq"] % 11 + len(d)
        last = d
    return total, last, {}


def comprehension(n):
    squares = {k: k * k for k in range(n)}
    names = {"k%d" % (k % 50): k for k in range(n)}  # later keys overwrite
    inverted = {v: k for k, v in names.items()}
    return len(squares), squares[n - 1], len(names), names["k7"], inverted[n - 1]


print(literals(4000))
print(comprehension(5000))
