# An exception raised inside a generator that a hot loop resumes with next(): the
# traceback shows the loop's line and the generator's (next() is a built-in: no frame).
def values(limit):
    i = 0
    while True:
        if i == limit:
            raise KeyError("missing %d" % i)
        yield i * 2
        i += 1


def consume(limit):
    g = values(limit)
    total = 0
    while True:
        total += next(g)
        if total < 0:
            break
    return total


print("start")
consume(5000)
