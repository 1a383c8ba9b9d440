# `del c[k]` (list index, list slice, dict key) and `list.pop(i)` in hot loops, with
# the failures the interpreter raises (IndexError, KeyError) happening mid-loop.

def window(n):
    xs = []
    t = 0
    for i in range(n):
        xs.append(i)
        if len(xs) > 8:
            t += xs.pop(0) + xs.pop(-1) * 2
            del xs[2]
    return t, xs

print("window", window(5000))

def slices(n):
    xs = list(range(40))
    t = 0
    for i in range(n):
        xs.extend([i, i + 1, i + 2])
        del xs[1:4]
        t += xs[0] + len(xs)
    return t, xs[:5]

print("slices", slices(3000))

def dict_churn(n):
    d = {}
    t = 0
    for i in range(n):
        d[i] = i * i
        d["k" + str(i % 10)] = i
        if i >= 5:
            del d[i - 5]
            t += len(d)
    return t, sorted(d.items(), key=str)[:3]

print("dict", dict_churn(4000))

def failing(n):
    xs = list(range(n))
    d = {i: i for i in range(n)}
    out = []
    try:
        for i in range(n + 5):
            xs.pop(0)
    except IndexError as e:
        out.append(("IndexError", str(e), len(xs)))
    try:
        for i in range(n + 5):
            del d[i * 2 if i < n // 2 else i]
    except KeyError as e:
        out.append(("KeyError", str(e), len(d)))
    ys = [1.5, 2, "s", None] * 600
    t = 0
    while ys:
        v = ys.pop(-1)
        if isinstance(v, int):
            t += v
    out.append(t)
    return out

print("failing", failing(3000))
