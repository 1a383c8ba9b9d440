# Float powers in compiled loops: positive bases run natively; zero, negative and
# infinite bases, and results that overflow, are left to the runtime's rules.
import math


def powers(n):
    s = 0.0
    for i in range(1, n):
        x = i * 0.01
        s += x ** 0.5 + x ** -1.5 + (x + 1) ** 2 + 2 ** (x / 100)
    return s


def edges(n):
    out = []
    for i in range(n):
        x = (i % 7) - 3.0  # -3.0 .. 3.0, zero included
        try:
            r = x ** 3 + x ** 2.0
            if x > 0:
                r += x ** 0.25
            out.append(r)
        except ZeroDivisionError as e:
            out.append(str(e))
        if i % 500 == 0:
            try:
                out.append(0.0 ** -1.0)
            except ZeroDivisionError as e:
                out.append(str(e))
    return len(out), out[:8], sum(v for v in out if isinstance(v, float))


def overflow(n):
    caught = 0
    big = 1.0
    for i in range(n):
        try:
            big = (big + 1.0) ** 1.5
        except OverflowError:
            caught += 1
            big = 1.0
    return caught, big


print(powers(6000))
print(edges(4000))
print(overflow(3000))
print(math.inf ** 0.5, (-math.inf) ** 2.0, 1.0 ** math.nan)
