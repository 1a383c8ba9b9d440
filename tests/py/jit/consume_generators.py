# sum(), any(), all(), min() and max() of a generator called from hot loops: the
# interpreter runs the built-in's loop (the embedded `_consume` module) as a frame and
# traces inline it with the generator. Short-circuiting, empty generators, exceptions
# inside the generator, generators consumed only in part, sum's start value, min/max of
# nothing, StopIteration and the recursion limit must behave as CPython's (tracebacks:
# tests/errors/genexpr_in_compiled_all.py).
import sys


def primes(limit):
    found = []
    for n in range(2, limit):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
    return found


ps = primes(3000)
print("primes", len(ps), ps[-5:], sum(ps))


def short_circuits(n):
    # any/all stop at the first deciding item: the generator is left suspended.
    hits = misses = 0
    seen = [0]

    def watched(k):
        for i in range(k):
            seen[0] += 1
            yield i

    for i in range(n):
        if any(x > i % 7 for x in watched(10)):
            hits += 1
        if all(x < i % 5 for x in watched(10)):
            misses += 1
    return hits, misses, seen[0]


print("short", short_circuits(3000))


def partial(n):
    # The same generator consumed by several built-ins in turn, each taking part of it.
    out = []
    for i in range(n):
        g = (j * j for j in range(i % 9 + 3))
        a = any(x > 3 for x in g)
        b = next(g, None)
        c = sum(g)
        out.append((a, b, c))
    return out[-3:], sum(c for _, _, c in out)


print("partial", partial(2000))


def empties(n):
    total = 0
    errors = 0
    for i in range(n):
        total += sum(x for x in range(i % 3))
        total += any(x for x in ()) + all(x for x in ())
        try:
            total += min(x for x in range(i % 4 - 1))
        except ValueError as e:
            errors += 1
            msg = str(e)
        try:
            total += max(x * 2 for x in range(i % 5 - 2))
        except ValueError as e:
            errors += 1
            msg2 = str(e)
    return total, errors, msg, msg2


print("empties", empties(2000))


def starts(n):
    # sum's start value: ints, floats, lists, tuples; str is refused.
    acc = []
    f = 0.0
    for i in range(n):
        acc = sum(([k] for k in range(i % 3)), acc)
        f = sum((k / 2 for k in range(i % 4)), f)
    t = sum(((k,) for k in range(4)), ())
    try:
        sum((c for c in "ab"), "")
    except TypeError as e:
        print("str start:", e)
    return len(acc), acc[-4:], f, t, sum((x for x in [2**62, 2**62, 2**62]), 2**62)


print("starts", starts(3000))


def mixed_types(n):
    # The items change type midway: the inlined loop leaves at its guards.
    r = []
    for i in range(n):
        vals = [1, 2.5, 3] if i < n // 2 else [2**70, -1, 7]
        r.append((min(v for v in vals), max(v + 1 for v in vals), sum(v for v in vals)))
    return r[0], r[-1]


print("mixed", mixed_types(3000))


def objects(n):
    class Box:
        def __init__(self, v):
            self.v = v

        def __lt__(self, other):
            return self.v < other.v

        def __gt__(self, other):
            return self.v > other.v

        def __add__(self, other):
            return Box(self.v + (other.v if isinstance(other, Box) else other))

        def __radd__(self, other):
            return Box(self.v + other)

        def __bool__(self):
            return self.v != 0

    best = []
    for i in range(n):
        bs = [Box((i * k) % 11) for k in range(5)]
        best.append((min(b for b in bs).v, max(b for b in bs).v, sum(b for b in bs).v, all(b for b in bs)))
    return best[-3:]


print("objects", objects(1500))


def raising(n):
    # An exception inside the generator propagates through the built-in.
    caught = []
    for i in range(n):
        try:
            s = sum(10 // (k - i % 50) for k in range(3))
        except ZeroDivisionError as e:
            caught.append((i, str(e)))
            continue
        try:
            ok = all(int(c) for c in ("1", "2", "x" if i % 97 == 0 else "3"))
        except ValueError as e:
            caught.append((i, str(e)))
    return len(caught), caught[:4]


print("raising", raising(3000))


def stop_iteration(n):
    # StopIteration raised inside a generator becomes RuntimeError (PEP 479).
    def gen(k):
        for j in range(k):
            if j == 3:
                raise StopIteration("inner")
            yield j

    count = 0
    for i in range(n):
        try:
            sum(gen(i % 6))
        except RuntimeError as e:
            count += 1
            last = (str(e), type(e.__cause__).__name__, str(e.__cause__))
    return count, last


print("stopiter", stop_iteration(2000))


def recursion_limit():
    # CPython's call of sum enters no recursion level, any/all/min/max enter one: the
    # deepest recursion through each (a frame and a generator's per level) differs.
    def deepest(b):
        def depth(n):
            if n == 0:
                return 1
            return b(depth(n - 1) for _ in range(1))

        lo, hi = 1, 1000
        while lo < hi:
            mid = (lo + hi + 1) // 2
            try:
                depth(mid)
                lo = mid
            except RecursionError:
                hi = mid - 1
        return lo

    def limit_inside(b, n):
        # The limit the program set, also while the built-ins run.
        if n == 0:
            return sys.getrecursionlimit()
        return b(limit_inside(b, n - 1) for _ in range(1))

    return [(b.__name__, deepest(b), limit_inside(b, 50)) for b in (sum, min, max)] + [
        (b.__name__, deepest(b)) for b in (any, all)
    ]


print("recursion", recursion_limit())


def recursion_in_loop(n):
    def tree(d):
        if d == 0:
            return 1
        return sum(tree(d - 1) for _ in range(2)) + all(x >= 0 for x in range(d))

    return [tree(i % 8) for i in range(n)][-8:]


print("tree", recursion_in_loop(200))


def keywords_and_others(n):
    # Calls the frame path does not take: keywords, two arguments, non-generators.
    r = 0
    for i in range(n):
        r += min((x for x in range(i % 3)), default=-1)
        r += max((x for x in range(3)), key=lambda v: -v)
        r += sum((x for x in range(3)), start=i % 2)
        r += sum([i, 1]) + any([0, i]) + all((1, i)) + min(i, 3) + max([i, 2])
        r += sum(iter([1, 2]))
    return r


print("others", keywords_and_others(2000))


def rebound_builtin(n):
    # A global `sum` that is not the built-in.
    global sum
    real = sum
    total = 0
    for i in range(n):
        if i == n // 2:
            sum = lambda it, start=0: -1
        total += sum(x for x in range(3))
    sum = real
    return total


print("rebound", rebound_builtin(2000))


def nested(n):
    # A consumed generator whose body consumes another one.
    t = 0
    for i in range(n):
        t += sum(max(j * k % 7 for k in range(1, 4)) for j in range(i % 6))
        t += any(all(j != k for k in range(3)) for j in range(i % 4))
    return t


print("nested", nested(3000))
