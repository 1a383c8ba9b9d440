# Loops that write a list item or an instance attribute and read it back in the same
# iteration (the read must see the write), and a loop carrying a big int through an
# inner `for ... in range(...)`.


class C:
    pass


def attrs(n):
    c = C()
    c.n = 0
    c.m = 1.5
    for i in range(n):
        c.n += i
        c.m = c.m * 0.5 + c.n
    return c.n, c.m


def items(n):
    a = [0, 0.0, 1]
    for i in range(n):
        a[0] += i
        a[1] = a[1] * 0.5 + a[0]
        a[2] = a[0] - a[2]
    return a


def reversed_prefix(n):
    perm = list(range(9))
    seen = 0
    for i in range(n):
        k = perm[0]
        perm[: k + 1] = perm[k::-1]
        seen += perm[0] * 10 + perm[-1]
        perm[0], perm[8] = perm[8], perm[0]
    return seen, perm


def wide_with_inner_range(n):
    acc = 2**64
    for k in range(n):
        acc += k
        for j in range(2):
            acc += j * k
    return acc


print(attrs(3000))
print(items(3000))
print(reversed_prefix(3000))
print(wide_with_inner_range(3000))
