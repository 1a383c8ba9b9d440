# A generator with a hot loop inside raises after many yields while a hot loop
# consumes it: the traceback passes through the generator frame.

def items(n):
    acc = 0
    for i in range(n):
        acc += i
        if acc > 3_000_000:
            raise OverflowError("acc too large at %d" % i)
        yield acc

def total():
    s = 0
    for v in items(10**6):
        s = (s + v) % 1000003
    return s

print(total())
