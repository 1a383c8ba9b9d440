# `dst[a:b] = src[c:d:s]` copied without the intermediate list, when it raises: extended
# slices of the wrong size, a zero step (ValueError, caught in the loop), and a bound
# that overflows i64 between taking the source and storing it.
import sys


def extended_wrong_size(n):
    a = list(range(10))
    errors = 0
    msgs = set()
    for i in range(n):
        k = 4 if i % 40 != 39 else i % 6
        try:
            a[::2] = a[k::-1]
        except ValueError as e:
            errors += 1
            msgs.add(str(e))
        try:
            a[1::3] = a[: k - 1]
        except ValueError as e:
            errors += 1
            msgs.add(str(e))
    return errors, sorted(msgs), a


print(extended_wrong_size(600))


def zero_step(n):
    a = list(range(8))
    caught = []
    for i in range(n):
        s = -1 if i % 100 != 99 else 0
        try:
            a[:3] = a[3::s]
        except ValueError as e:
            caught.append((i, str(e)))
    return caught, a


print(zero_step(500))


def overflowing_bound(n):
    a = list(range(8))
    out = []
    for i in range(n):
        k = 5 if i % 50 != 49 else sys.maxsize
        a[: k + 1] = a[k % 8 :: -1]
        if i % 97 == 0 or i % 50 == 49:
            out.append(a[:])
    return out


print(overflowing_bound(600))
