# `next(g)` and `next(g, default)` of a generator in a hot loop: the interpreter resumes
# the generator as a frame of its own loop and the JIT inlines it into the caller's
# trace. Generators that finish (StopIteration, or the default), yield inside loops,
# raise, are not started yet or already finished, change types, are driven by send() in
# between, and next() of other iterators must all behave as in CPython.
import builtins


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        yield state >> 33


def infinite(n):
    source = lcg(n)
    total = 0
    for i in range(n):
        raw = next(source)
        total += raw % 17
    return total
print("lcg", infinite(5000))


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return n * 10


def drain(n, rounds):
    # each generator finishes inside the loop's trace: StopIteration from next()
    out = []
    for r in range(rounds):
        g = count(n + r % 3)
        s = 0
        while True:
            try:
                s += next(g)
            except StopIteration as e:
                out.append((s, e.value))
                break
    return out[:3], out[-1], len(out)
print("drain", drain(40, 200))


def drain_default(n, rounds):
    # the default when the generator returns: the trace gives it
    total = 0
    ends = 0
    for r in range(rounds):
        g = count(n + r % 5)
        while True:
            v = next(g, None)
            if v is None:
                ends += 1
                break
            total += v
        # a finished generator: the default again, StopIteration without one
        if next(g, "done") != "done":
            print("bad")
        try:
            next(g)
        except StopIteration as e:
            if e.value is not None:
                print("bad value", e.value)
    return total, ends
print("default", drain_default(30, 300))


def grid(w, h):
    # yield inside nested loops of the generator
    for y in range(h):
        for x in range(w):
            if (x + y) % 3 == 0:
                yield x * y
        yield -1


def consume_grid(n):
    g = grid(7, 10000)
    s = 0
    rows = 0
    for i in range(n):
        v = next(g)
        if v < 0:
            rows += 1
        else:
            s += v
    return s, rows
print("grid", consume_grid(6000))


def fresh(k):
    # not started: each next() runs the generator from its first instruction
    yield k * 2
    yield k * 3


def starts(n):
    s = 0
    for i in range(n):
        g = fresh(i)
        s += next(g)
        if i % 4 == 0:
            s += next(g)
    return s
print("fresh", starts(3000))


def fails_at(n):
    i = 0
    while True:
        if i == n:
            raise ValueError("broke at %d" % i)
        yield i
        i += 1


def catch(rounds):
    # an exception raised inside the generator's body propagates from next()
    msgs = []
    for r in range(rounds):
        g = fails_at(20 + r % 7)
        s = 0
        try:
            while True:
                s += next(g)
        except ValueError as e:
            msgs.append((s, str(e)))
        # the generator is finished after raising
        if next(g, "gone") != "gone":
            print("not finished")
    return msgs[:2], msgs[-1], len(msgs)
print("raise", catch(150))


def leaks_stop(n):
    i = 0
    while True:
        if i == n:
            raise StopIteration("inner")
        yield i
        i += 1


def pep479(rounds):
    seen = []
    for r in range(rounds):
        g = leaks_stop(10 + r % 4)
        try:
            while True:
                next(g)
        except RuntimeError as e:
            seen.append((str(e), repr(e.__cause__)))
    return seen[0], len(seen)
print("pep479", pep479(100))


def changing(n):
    x = 0
    for i in range(n):
        if i == n // 3:
            x = 0.5
        elif i == 2 * n // 3:
            x = 2 ** 70
        x += 1
        yield x


def consume_changing(n):
    g = changing(n)
    acc = 0
    for i in range(n):
        acc += next(g)
    return acc
print("changing", consume_changing(6000))


def echo():
    got = 0
    while True:
        v = yield got
        got = got + 1 if v is None else v


def mixed(n):
    # send() (a nested resumption) between next() calls
    g = echo()
    next(g)
    s = 0
    for i in range(n):
        if i % 100 == 0:
            s += g.send(i)
        else:
            s += next(g)
    return s
print("mixed", mixed(5000))


def inner(k):
    yield k
    yield k + 1


def outer(n):
    for i in range(n):
        yield from inner(i)
        yield -i


def delegating(n):
    g = outer(n)
    s = 0
    for i in range(3 * n - 5):
        s += next(g)
    return s
print("yield from", delegating(3000))


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


def others(n):
    # next() of iterators that are not generators stays as it was
    it = iter(list(range(n)))
    c = Counter(n)
    d = iter({i: i for i in range(10)})
    s = 0
    for i in range(n):
        s += next(it) + next(c) + next(d, 100)
    return s, next(it, "end"), next(c, "end")
print("others", others(3000))


def module_next(n):
    # next reached through an attribute, and next of a generator expression
    g = (i * i for i in range(n))
    s = 0
    for i in range(n):
        s += builtins.next(g) if i % 2 else next(g)
    return s, next(g, "over")
print("attr", module_next(4000))


def selfish():
    g = yield 1
    try:
        next(g)
    except ValueError as e:
        yield str(e)


def reentrant(n):
    out = None
    for i in range(n):
        g = selfish()
        next(g)
        out = g.send(g)
    return out
print("reentrant", reentrant(2000))


def closing(n):
    # close() between next() calls: next() then raises StopIteration
    stops = 0
    for i in range(n):
        g = count(5)
        next(g)
        if i % 3 == 0:
            g.close()
        try:
            next(g)
            next(g)
        except StopIteration:
            stops += 1
    return stops
print("close", closing(3000))


def pipeline(n):
    # next() of a generator whose body calls next() of another
    def pairs(src):
        while True:
            a = next(src)
            b = next(src)
            yield a + b
    p = pairs(count(2 * n + 1))
    s = 0
    try:
        while True:
            s += next(p)
    except RuntimeError as e:
        return s, str(e)
print("pipeline", pipeline(3000))
