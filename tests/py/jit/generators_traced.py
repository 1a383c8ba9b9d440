# Generators consumed by hot loops run inside the loop's trace: their frames are resumed
# and suspended by compiled code. Exits inside a generator's body, exceptions raised
# there, generators finishing, abandoned and resumed, changing types, nested and with
# closures must all behave as in the interpreter.

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

def chain3(n):
    for a in count(n):
        for b in count(2):
            yield a * 2 + b

def consume_nested(n):
    s = 0
    for v in chain3(n):
        s += v
    return s
print("nested", consume_nested(3000))

def branching(n):
    # the body takes a different path after a while: exits inside the generator
    for i in range(n):
        if i < n // 2:
            yield i
        elif i % 3:
            yield -i
        else:
            yield i * 3

def consume_branching(n):
    pos = neg = 0
    for v in branching(n):
        if v >= 0:
            pos += v
        else:
            neg += v
    return pos, neg
print("branching", consume_branching(5000))

def types(n):
    x = 0
    for i in range(n):
        if i == n // 4:
            x = 0.5
        elif i == n // 2:
            x = 2 ** 70
        elif i == 3 * n // 4:
            x = "s"
        yield x
        if isinstance(x, str):
            x = x + "t" if len(x) < 5 else "s"
        else:
            x = x + 1

def consume_types(n):
    out = []
    for v in types(n):
        t = type(v).__name__
        if not out or out[-1][0] != t:
            out.append([t, 0])
        out[-1][1] += 1
    return out
print("types", consume_types(4000))

def divider(n, zero_at):
    for i in range(n):
        yield 1000 // (zero_at - i)

def consume_raising(n, zero_at):
    s = 0
    try:
        for v in divider(n, zero_at):
            s += v
    except ZeroDivisionError as e:
        return "ZeroDivisionError", str(e), s
    return s
print("raising", consume_raising(5000, 3000))

def catching(n):
    d = {}
    for i in range(n):
        try:
            yield d[i % 7]
        except KeyError:
            d[i % 7] = i
            yield -1

def consume_catching(n):
    return sum(v for v in catching(n)), sum([v for v in catching(n) if v > 0])
print("catching", consume_catching(3000))

def finishing(n):
    for i in range(n):
        yield i
    return "done"

def consume_many(rounds, n):
    # a new generator for every round: the trace resumes whichever it is given
    total = 0
    for r in range(rounds):
        for v in finishing(n + r % 3):
            total += v * r
    return total
print("many", consume_many(400, 20))

def resumed(n):
    g = count(n)
    first = 0
    for v in g:
        first += v
        if v == n // 2:
            break
    rest = list(g)
    return first, len(rest), rest[:3], next(g, "exhausted")
print("resumed", resumed(4000))

def closure_gen(n):
    scale = 3
    def inner():
        k = 0
        while k < n:
            yield k * scale
            k += 1
    return inner()

def consume_closure(n):
    s = 0
    for v in closure_gen(n):
        s += v
    return s
print("closure", consume_closure(4000))

def yield_in_expression(n):
    acc = 0
    for i in range(n):
        got = yield acc
        acc += i if got is None else got
    yield acc

def consume_expression(n):
    last = None
    for v in yield_in_expression(n):
        last = v
    return last
print("expression", consume_expression(3000))

def with_finally(n, log):
    try:
        for i in range(n):
            yield i
    finally:
        log.append("finally")

def consume_finally(n):
    log = []
    s = 0
    for v in with_finally(n, log):
        s += v
    return s, log
print("finally", consume_finally(3000))

def allocating(n):
    for i in range(n):
        yield [i, str(i), (i, i)]

def consume_allocating(n):
    s = 0
    for item in allocating(n):
        s += item[0] + len(item[1]) + item[2][1]
    return s
print("allocating", consume_allocating(20000))

def stop_inside(n):
    for i in range(n):
        if i == n - 1:
            raise StopIteration("inner")
        yield i

def consume_stop(n):
    s = 0
    try:
        for v in stop_inside(n):
            s += v
    except RuntimeError as e:
        return "RuntimeError", str(e), type(e.__cause__).__name__, s
print("stop", consume_stop(3000))

def shared(n):
    i = 0
    while True:
        yield i
        i += 1
        if i >= n:
            return

def alternating(n):
    g = shared(n)
    a = b = 0
    while True:
        for v in g:
            a += v
            if v % 100 == 99:
                break
        else:
            break
        for v in g:
            b += v
            if v % 100 == 49:
                break
        else:
            break
    return a, b
print("alternating", alternating(5000))

def running_check():
    def gen():
        for i in range(2000):
            yield i
            if i == 1500:
                try:
                    next(me)
                except ValueError as e:
                    yield str(e)
    me = gen()
    out = []
    for v in me:
        if isinstance(v, str):
            out.append(v)
    return out
print("running", running_check())
