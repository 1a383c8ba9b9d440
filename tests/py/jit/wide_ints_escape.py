# Wide ints (i128 in traces) leaving the trace: stored in a list, an attribute and a dict
# while wide, guards failing with a wide product on the stack, and an accumulator that
# starts small, grows past i64 and shrinks again.


def escape(n):
    # Wide values written to a list, an attribute and a dict while they are still wide.
    class Box:
        pass

    box = Box()
    box.v = 0
    keep = []
    d = {}
    s = 2**62
    for i in range(n):
        s = s * 3 if i % 7 == 0 else s + i * 2**60
        if i % 5 == 0:
            keep.append(s)
        box.v = s
        d[i % 3] = s - 1
        s = s % (2**100 + 277)
    return keep[:5], keep[-3:], box.v, sorted(d.items())


def exit_midway(xs):
    # A guard fails (a float, a string) with a wide product on the stack.
    total = 0
    for x in xs:
        total = (total + x * 123456789012345678) % 2**89
    return total


def stack_exit(xs):
    # The item is read after the wide product is on the stack: a float or a str item fails
    # its type guard there, and the exit writes the product back as the big int it is.
    total = 1
    out = []
    for i in range(len(xs)):
        try:
            total = (total * 9876543210987 + xs[i]) % (2**61 - 1)
        except TypeError:
            out.append(i)
        if i % 500 == 0:
            out.append(total)
    return total, out


def grows(n):
    # The accumulator starts small, becomes big, then shrinks again.
    acc = 1
    trail = []
    for i in range(n):
        if i < n // 2:
            acc = acc * 5 + i
        else:
            acc = acc // 3 - i
        if i % 25 == 0:
            trail.append(acc)
    return acc, trail


print(escape(400))
print(exit_midway(list(range(2000)) + [1.5] + list(range(100)) + [True, 7]))
print(exit_midway(list(range(3000))))
print(stack_exit(list(range(2000)) + [0.5] + list(range(1500)) + ["s"] + list(range(200))))
acc, trail = grows(200)
print(acc, trail[:3], trail[-2:])
