# Int >> and int / int compiled inline: shift counts in and out of 0..63, negative
# counts (ValueError), operands past 2**53 for true division, division by zero, all
# changing mid-loop.
def shifts(n):
    out = []
    k = 1 << 62
    for i in range(n):
        s = i % 70
        out.append((k >> s) + (-k >> s) + ((i * 12345) >> 3))
    return sum(out), out[60:70]


print(shifts(700))


def halving(n):
    steps = 0
    for x in range(1, n):
        while x != 1:
            x = x >> 1 if x % 2 == 0 else 3 * x + 1
            steps += 1
    return steps


print(halving(3000))


def bad_shift(n):
    t = 0
    for i in range(n):
        t += 1000 >> (i if i < n - 1 else -1)
    return t


try:
    print(bad_shift(300))
except ValueError as e:
    print("ValueError:", e)


def ratios(n):
    acc = 0.0
    seen = []
    for i in range(1, n):
        q = (i * 7919) / (i % 97 + 1)
        acc += q
        if i % 250 == 0:
            seen.append(q)
    big = 2**53 + 1
    for i in range(200):
        acc += (big + i) / 3 + i / (i + 1)
    return acc, seen


print(ratios(2000))


def zero_div(n):
    t = 0.0
    for i in range(n, -1, -1):
        t += 100 / i
    return t


try:
    zero_div(500)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
