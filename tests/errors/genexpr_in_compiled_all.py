# An exception inside a generator expression consumed by all() and min() in a loop the
# JIT compiles (with the built-in's loop and the generator inlined): the traceback shows
# the loop's function and the generator expression, as CPython's does (no frame for the
# built-in).


def check(rows):
    good = 0
    for row in rows:
        if all(10 // v > 0 for v in row):
            good += 1
        good += min(v for v in row) > 1
    return good


rows = [[2, 3, (i % 5) + 1] for i in range(5000)]
print(check(rows))
rows[4321] = [2, 0, 4]
print(check(rows))
