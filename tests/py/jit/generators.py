# Generators consumed in hot loops, generators with hot loops inside, generator
# expressions, send(), yield from, and generators abandoned or resumed part-way.

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def squares(n):
    for i in count_up(n):
        yield i * i

def consume_sum(n):
    s = 0
    for v in squares(n):
        s += v
    return s
print("sum squares", consume_sum(4000))

def hot_inside(n):
    # the generator itself runs a long loop between yields
    total = 0
    for chunk in range(5):
        for j in range(n):
            total += j ^ chunk
        yield chunk, total

print("hot inside", list(hot_inside(3000)))

def filtered(n):
    for i in range(n):
        if i % 3 == 0 or i > n - 5:
            yield i

def types_mix(n):
    for i in range(n):
        if i < 1200:
            yield i
        elif i < 2400:
            yield i * 0.5
        else:
            yield 2**64 + i
def consume_mix(n):
    s = 0
    kinds = []
    for v in types_mix(n):
        s += v
        t = type(v).__name__
        if not kinds or kinds[-1] != t:
            kinds.append(t)
    return s, kinds
print("types mix", consume_mix(3600))

def gen_expr_loops(n):
    a = sum(x * 2 for x in range(n) if x % 2)
    b = max((x * 37) % 1001 for x in range(n))
    c = list(x for x in filtered(n))
    d = any(x > n for x in range(n)), all(x < n for x in range(n))
    return a, b, len(c), c[-5:], d
print("genexpr", gen_expr_loops(3000))

def accumulator():
    total = 0
    received = 0
    while True:
        v = yield total
        if v is None:
            break
        received += 1
        total += v
    return received

def use_send(n):
    g = accumulator()
    next(g)
    last = 0
    for i in range(n):
        last = g.send(i if i < 2000 else -i)
    try:
        g.send(None)
    except StopIteration as e:
        return last, e.value
print("send", use_send(3000))

def inner(n):
    for i in range(n):
        yield i
    return n * 10

def outer(n):
    r1 = yield from inner(n)
    r2 = yield from inner(n // 2)
    yield r1 + r2

def use_yield_from(n):
    s = 0
    c = 0
    for v in outer(n):
        s += v
        c += 1
    return s, c
print("yield from", use_yield_from(3000))

def interleave(n):
    a = count_up(n)
    b = squares(n)
    s = 0
    for i in range(n):
        s += next(a) - next(b) % 97
        if i == n // 2:
            # swap one of the generators mid-loop for a fresh one
            a = count_up(n)
    return s
print("interleave", interleave(3000))

def partial_consume(n):
    g = count_up(n)
    firsts = []
    for v in g:
        if v >= 2500:
            break
    firsts.append(v)
    for v in g:       # resume the same generator
        if v % 1000 == 0:
            firsts.append(v)
    return firsts
print("partial", partial_consume(6000))

def many_generators(n):
    # create and exhaust a small generator per iteration
    s = 0
    for i in range(n):
        s += sum(count_up(i % 7))
    return s
print("many", many_generators(4000))

def gen_state(n):
    # generator local state survives through type changes
    x = 0
    for i in range(n):
        if i == 1500:
            x = float(x)
        if i == 2500:
            x = str(x)
        if isinstance(x, str):
            yield len(x)
        else:
            x += 1
            yield x
print("gen state", sum(gen_state(3000)))

def zip_gens(n):
    s = 0
    for a, b in zip(count_up(n), squares(n)):
        s += b - a
    for i, v in enumerate(filtered(n)):
        s -= i
    return s
print("zip gens", zip_gens(3000))

# module-level consumption
acc = []
for v in squares(2500):
    if v % 1000 == 0:
        acc.append(v)
print("module", acc)
