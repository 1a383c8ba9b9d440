# Built-ins consuming a generator, as Python loops: sum(), any(), all(), min() and
# max() of a generator call these (a CALL of them runs the function as a frame of the
# dispatch loop, which traces inline), and so does everything that collects a generator's
# items into a list first (list(), tuple(), sorted(), str.join, ...: `collect`). The
# interpreter then resumes the generator as a frame of its own loop and the JIT
# compiles the loop with the generator's body inlined. Their frames are left out of
# tracebacks (the built-in is what the program called).


def collect(it):
    return [x for x in it]


def sum(it, start):
    total = start
    for x in it:
        total = total + x
    return total


def any(it):
    for x in it:
        if x:
            return True
    return False


def all(it):
    for x in it:
        if not x:
            return False
    return True


def min(it):
    first = True
    for x in it:
        if first:
            best = x
            first = False
        elif x < best:
            best = x
    if first:
        raise ValueError("min() arg is an empty sequence")
    return best


def max(it):
    first = True
    for x in it:
        if first:
            best = x
            first = False
        elif x > best:
            best = x
    if first:
        raise ValueError("max() arg is an empty sequence")
    return best
