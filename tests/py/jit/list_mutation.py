# Mutating the list being iterated: append and pop during `for`, insert/remove,
# slice assignment, clear, and index-based loops over a list whose length changes.

def append_during_for(n):
    xs = list(range(10))
    seen = 0
    for x in xs:
        seen += 1
        if len(xs) < n:
            xs.append(x + 10)     # the iteration keeps going over the new items
    return seen, len(xs), xs[-3:], sum(xs)
print("append", append_during_for(3000))

def pop_during_for(n):
    xs = list(range(n))
    seen = []
    for x in xs:
        if x % 2 == 0:
            xs.pop()              # shrink from the end: iteration stops early
        seen.append(x)
    return len(seen), seen[-3:], len(xs)
print("pop end", pop_during_for(6000))

def pop_front_during_for(n):
    xs = list(range(n))
    seen = []
    for x in xs:
        if len(xs) > 10:
            xs.pop(0)             # shift: the iterator skips elements
        seen.append(x)
    return len(seen), seen[:5], seen[-3:], xs[:3]
print("pop front", pop_front_during_for(5000))

def remove_insert(n):
    xs = list(range(n))
    count = 0
    for x in xs:
        count += 1
        if x % 3 == 0 and x in xs[:5]:
            xs.remove(x)
        if x % 500 == 0 and x > 0 and count < n:
            xs.insert(0, -x)          # shifts: the same element is seen again
    return count, xs[:6], len(xs)
print("remove insert", remove_insert(3000))

def slice_assign(n):
    xs = list(range(20))
    total = 0
    it = 0
    for x in xs:
        it += 1
        total += x
        if it == 2000:
            xs[:] = xs[:it + 5]     # truncate while iterating
        elif it < 2000 and it % 2 == 0:
            xs[len(xs):] = [x * 2, x + 1]  # extend by slice
    return it, total, len(xs)
print("slice", slice_assign(4000))

def index_loop(n):
    xs = [1]
    i = 0
    while i < len(xs):
        v = xs[i]
        if len(xs) < n:
            xs.append(v + i % 7)
            if i % 3 == 0:
                xs.append(-v)
        i += 1
    return i, len(xs), sum(xs), xs[-4:]
print("index loop", index_loop(5000))

def clear_midway(n):
    xs = list(range(n))
    c = 0
    for x in xs:
        c += 1
        if x == 2500:
            xs.clear()
    return c, xs
print("clear", clear_midway(4000))

def replace_elements(n):
    xs = [0] * n
    for i, x in enumerate(xs):
        if i == 2501:
            xs[i + 1] = len(x)               # x is the str stored below
            continue
        if i + 1 < n:
            xs[i + 1] = x + i % 5          # later elements change before reached
        if i == 2500:
            xs[i + 1] = "s"                  # element type changes mid-loop
    return sum(xs[:2500]), xs[2499:2504], sum(v for v in xs[2502:])
print("replace", replace_elements(4000))

def list_of_lists(n):
    grid = [[0] * 3 for _ in range(3)]
    for i in range(n):
        row = grid[i % 3]
        row[i % 2] += i
        if i == 1500:
            grid[1] = [100, 100, 100, 100]   # a row replaced by a longer one
        if i % 1000 == 0:
            row.append(i)
    return grid
print("grid", list_of_lists(3000))

def negative_index(n):
    xs = list(range(10))
    s = 0
    for i in range(n):
        s += xs[-1 - (i % 10)]
        xs[-(i % 10) - 1] = i
        if i == 2000:
            xs.append(-1)       # length change alters what negative indices mean
    return s, xs
print("negative", negative_index(3000))

def index_errors(n):
    xs = list(range(100))
    errs = 0
    s = 0
    for i in range(n):
        try:
            s += xs[i % 150]
        except IndexError:
            errs += 1
        if i == 2000:
            del xs[50:]
    return s, errs
print("index errors", index_errors(4000))

# module-level for over a list that grows
ms = [1, 2, 3]
for v in ms:
    if len(ms) < 3000:
        ms.append(v * 2 % 1001)
print("module", len(ms), sum(ms))
