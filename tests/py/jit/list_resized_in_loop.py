# Hot loops that index a list and resize it (or another name for it) in the same loop,
# in every way a trace can: append, pop, extend, +=, del, slice assignment, insert,
# clear, sort, reverse, and a list grown through an alias. The list's length and items
# must be read again after each of them.


def run(kind, n):
    a = list(range(8))
    b = a
    total = 0
    for i in range(n):
        total += a[i % len(a)] + len(a)
        if kind == "append":
            a.append(i)
        elif kind == "pop":
            if len(a) > 4:
                a.pop()
            else:
                a.append(i)
        elif kind == "extend":
            a.extend((i, i + 1))
        elif kind == "iadd":
            a += [i]
        elif kind == "del":
            if len(a) > 3:
                del a[0]
            else:
                a.append(i)
                a.append(i)
        elif kind == "slice":
            a[1:3] = [i, i, i] if i % 2 else [i]
        elif kind == "insert":
            a.insert(0, i)
        elif kind == "clear":
            if i % 7 == 6:
                a.clear()
                a.append(i)
            else:
                a.append(-i)
        elif kind == "sort":
            a.append(i % 5)
            a.sort()
        elif kind == "reverse":
            a.reverse()
            a.append(i)
        elif kind == "alias":
            b.append(i * 2)
        total += a[-1] + a[0]
    return total, len(a), a[:3], a[-3:]


for kind in ["append", "pop", "extend", "iadd", "del", "slice", "insert", "clear", "sort", "reverse", "alias"]:
    print(kind, run(kind, 300))


def reader(xs, ys, n):
    # Reads xs by index while ys (maybe the same list) grows.
    s = 0
    for i in range(n):
        s += xs[i]
        ys.append(i)
    return s


big = list(range(1000))
print(reader(big, [], 500), reader(big, big, 500), len(big))
