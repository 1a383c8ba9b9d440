# Every combination of int/None/bool bounds and steps (including zero) for
# `l[a:b:s] = src`, `l[a:b:s] = l` and `l[a:b:s] = l[b:a:s]` (copied without the
# intermediate list when compiled), and the slices themselves of a list, tuple and str:
# the results or the exceptions, as CPython gives them.
import itertools


def assign(l, a, b, s, src):
    l[a:b:s] = src
    return l


def itself(l, a, b, s, src):
    l[a:b:s] = l
    return l


def reversed_other(l, a, b, s, src):
    l[a:b:s] = l[b:a:s]
    return l


def slices(l, a, b, s, src):
    return l[a:b:s], src[a:b:s], "abcdef"[a:b:s]


def show(r):
    if isinstance(r, tuple) and len(r) == 3 and isinstance(r[2], str):
        return "/".join(show(x) for x in r)
    if isinstance(r, (list, tuple)):
        return "".join("%x" % x for x in r) or "-"
    return r


ERRORS = {}


def attempt(f, l, a, b, s, src):
    # An exception as its number in ERRORS (printed at the end), to keep the output short.
    try:
        return show(f(l, a, b, s, src))
    except Exception as e:
        key = type(e).__name__ + ": " + str(e)
        if key not in ERRORS:
            ERRORS[key] = len(ERRORS)
        return "E%d" % ERRORS[key]


def grid():
    vals = [None, -9, -2, 0, 1, 4, True]
    steps = [None, 1, 2, -1, -3, 0]
    for a, b, s in itertools.product(vals, vals, steps):
        row = []
        for src in ([], [7], (5, 6, 7, 8, 9, 10)):
            row.append(attempt(assign, list(range(6)), a, b, s, src))
        row.append(attempt(itself, list(range(6)), a, b, s, None))
        row.append(attempt(reversed_other, list(range(6)), a, b, s, None))
        row.append(attempt(slices, list(range(6)), a, b, s, (5, 6, 7)))
        print(a, b, s, " ".join(row))


grid()
for key, n in ERRORS.items():
    print("E%d" % n, key)
