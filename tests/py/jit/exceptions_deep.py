# Exceptions raised several frames below a hot loop, caught in the loop body, caught
# outside the loop, re-raised, chained, and with finally blocks on the way.

class Odd(Exception):
    pass

def d5(x):
    if x % 97 == 0:
        raise Odd(x)
    if x % 89 == 0:
        return 1 // (x - x)       # ZeroDivisionError
    if x % 83 == 0:
        return [1, 2, 3][x]       # IndexError
    if x % 79 == 0:
        return {"a": 1}[str(x)]   # KeyError
    return x
def d4(x):
    return d5(x) + 1
def d3(x):
    return d4(x) * 2
def d2(x):
    return d3(x) - 1
def d1(x):
    return d2(x)

def caught_in_loop(n):
    s = 0
    kinds = {}
    for i in range(1, n):
        try:
            s += d1(i)
        except Odd as e:
            kinds["Odd"] = kinds.get("Odd", 0) + 1
            s -= e.args[0]
        except (ZeroDivisionError, IndexError) as e:
            k = type(e).__name__
            kinds[k] = kinds.get(k, 0) + 1
        except LookupError as e:
            kinds["Lookup:" + type(e).__name__] = kinds.get("Lookup:" + type(e).__name__, 0) + 1
    return s, sorted(kinds.items())
print("in loop", caught_in_loop(5000))

def caught_outside(n, fail_at):
    s = 0
    i = 0
    try:
        for i in range(n):
            s += d1(i % 50 + 1 if i != fail_at else 97 * 3)
    except Odd as e:
        return "caught", i, s, e.args
    return "done", i, s

print("outside", caught_outside(3000, 2500))
print("outside", caught_outside(3000, 10**6))

def with_finally(n):
    log = []
    s = 0
    for i in range(n):
        try:
            try:
                s += d1(i + 1)
            finally:
                s += 1
        except ArithmeticError:
            log.append(("arith", i))
        except Exception as e:
            log.append((type(e).__name__, i))
        else:
            s += 2
    return s, len(log), log[:4], log[-2:]
print("finally", with_finally(4000))

def reraise_chain(n):
    msgs = []
    for i in range(n):
        try:
            try:
                d1(97 * (i + 1))
            except Odd as e:
                if i % 2:
                    raise ValueError("wrapped %d" % i) from e
                raise
        except ValueError as e:
            if i > n - 3:
                msgs.append((str(e), type(e.__cause__).__name__, e.__cause__.args))
        except Odd as e:
            if i > n - 3:
                msgs.append(("odd", e.args, e.__context__))
    return msgs
print("chain", reraise_chain(2500))

def implicit_context(n):
    c = 0
    last = None
    for i in range(n):
        try:
            try:
                raise KeyError(i)
            except KeyError:
                d1(89 * (i % 5 + 1))
        except ZeroDivisionError as e:
            c += 1
            last = (type(e.__context__).__name__, e.__context__.args)
    return c, last
print("context", implicit_context(2500))

class Res:
    opened = 0
    closed = 0
    def __enter__(self):
        Res.opened += 1
        return self
    def __exit__(self, t, v, tb):
        Res.closed += 1
        return t is Odd   # swallow Odd only

def with_blocks(n):
    errs = 0
    for i in range(1, n):
        try:
            with Res():
                d1(i)
        except Exception:
            errs += 1
    return errs, Res.opened, Res.closed
print("with", with_blocks(4000))

# an exception escaping a generator several frames down, consumed in a hot loop
def gen_raising(n, stop):
    for i in range(n):
        yield d1(97 if i == stop else i % 50 + 1)

def consume(n, stop):
    got = 0
    try:
        for v in gen_raising(n, stop):
            got += v
    except Odd as e:
        return "stopped", got, e.args
    return "finished", got
print("gen", consume(5000, 2600), consume(5000, 10**6))

# StopIteration-driven loop with next() and a sentinel
def next_loop(n):
    it = iter(range(n))
    s = 0
    while True:
        try:
            v = next(it)
        except StopIteration:
            break
        s += v
    return s
print("next loop", next_loop(4000))

# exception objects created and discarded in a loop at module level
count = 0
for i in range(3000):
    try:
        if i % 4 == 0:
            raise ValueError(i)
        int("x" if i % 4 == 1 else str(i))
    except ValueError as e:
        count += 1
print("module", count)

# exceptions raised in __init__ of an object constructed in the loop
class Checked:
    def __init__(self, v):
        if v % 500 == 499:
            raise RuntimeError("bad %d" % v)
        self.v = v
bad = []
objs = 0
for i in range(3000):
    try:
        Checked(i)
        objs += 1
    except RuntimeError as e:
        bad.append(str(e))
print("init", objs, bad)
