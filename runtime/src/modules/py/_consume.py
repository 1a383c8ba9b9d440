# Built-ins consuming a generator, as Python loops: sum(), any(), all(), min() and
# max() of a generator call these, so the interpreter resumes the generator as a frame
# of its own loop and the JIT compiles the loop with the generator's body inlined.
# Their frames are left out of tracebacks (the built-in is what the program called).


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
