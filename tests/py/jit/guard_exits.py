# Guards failing on every kind of exit: a branch that flips after N iterations,
# if/elif/else chains with data-dependent paths, while loops with break/continue,
# loops exited from inside nested conditions, for/else and while/else.

def flip_after(n, at):
    a = b = 0
    for i in range(n):
        if i < at:
            a += i
        else:
            b += i * 2
    return a, b
for at in (0, 1, 999, 1000, 1001, 1500, 2999, 3000):
    print("flip", at, flip_after(3000, at))

def flip_back_and_forth(n):
    # long runs of one side then the other, so each side gets hot in turn
    path = []
    s = 0
    for i in range(n):
        if (i // 1100) % 2 == 0:
            s += 1
            side = "A"
        else:
            s -= 3
            side = "B"
        if not path or path[-1][0] != side:
            path.append((side, i))
    return s, path
print("back and forth", flip_back_and_forth(6000))

def classify(data):
    counts = [0, 0, 0, 0, 0]
    total = 0
    for v in data:
        if v < 0:
            counts[0] += 1
            total -= v
        elif v == 0:
            counts[1] += 1
        elif v < 10:
            counts[2] += 1
            total += v * v
        elif v % 2 == 0:
            counts[3] += 1
            total += v // 2
        else:
            counts[4] += 1
            total += 3 * v + 1
    return counts, total
data = [((i * 7919) % 41) - 12 for i in range(5000)]
print("classify", classify(data))
# pattern stable for a long while then data-dependent
data2 = [5] * 2500 + [((i * 31) % 23) - 5 for i in range(2500)]
print("classify2", classify(data2))

def while_break(limit):
    i = 0
    s = 0
    while True:
        i += 1
        if i % 3 == 0:
            continue
        s += i
        if s > limit:
            break
    return i, s
for lim in (10, 100000, 4000000, 9000000):
    print("while break", lim, while_break(lim))

def while_cond_else(n):
    i = 0
    hits = 0
    while i < n:
        i += 1
        if i % 1000 == 0:
            hits += 1
        if i == 10**9:
            break
    else:
        hits += 100
    return i, hits
print("while else", while_cond_else(3500))

def for_else_search(n, target):
    for i in range(n):
        if i * i == target:
            res = ("found", i)
            break
    else:
        res = ("missing", target)
    return res
print(for_else_search(4000, 3000 * 3000), for_else_search(4000, 3000 * 3000 + 1))

def nested_break(n):
    out = []
    for i in range(n):
        j = 0
        while True:
            j += 1
            if j > i % 7:
                break
            if (i + j) % 5 == 0:
                continue
            out.append(j)
        if len(out) > 9000:
            break
    return len(out), sum(out), i
print("nested break", nested_break(5000))

def early_return(n, stop):
    acc = 0
    for i in range(n):
        acc += i
        if i == stop:
            return "early", acc
    return "late", acc
print(early_return(3000, 2500), early_return(3000, 5000))

def bool_ops(n):
    # short-circuit and/or exits
    c = 0
    for i in range(n):
        if (i % 3 == 0 and i % 5 == 0) or (i > 2000 and i % 7 == 0):
            c += 1
        x = i > 1500 and i or -1
        c += 1 if x == -1 else 0
        y = (i % 4) or None
        if y is None:
            c += 2
    return c
print("bool ops", bool_ops(3000))

def ternary_chain(n):
    s = []
    for i in range(n):
        s.append("a" if i < 1000 else "b" if i < 2000 else "c" if i % 2 else "d")
    return "".join(s).count("a"), "".join(s).count("b"), "".join(s).count("c"), s[-4:]
print("ternary", ternary_chain(3000))

# module-level flip
total = 0
for i in range(3000):
    if i > 1200:
        total += 2
    elif i > 600:
        total -= 1
    else:
        total += i % 3
print("module flip", total)

# while loop at module level with continue/break
i = 0
found = []
while i < 100000:
    i += 1
    if i % 2:
        continue
    if i % 1999 == 0:
        found.append(i)
        if len(found) == 3:
            break
print("module while", i, found)
