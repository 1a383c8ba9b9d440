# send() into generators, priming, and yield expressions.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(60))

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received

e = echo()
print(e.send(None))
print(e.send("a"), e.send("b"))
print(e.send(None))

g = averager()
try:
    g.send(5)
except TypeError as err:
    print("TypeError:", err)

def relay():
    result = yield from accumulate()
    yield "total=%d" % result
def accumulate():
    t = 0
    while True:
        v = yield t
        if v is None:
            return t
        t += v
r = relay()
print(next(r), r.send(1), r.send(2), r.send(3), r.send(None))
def pingpong():
    x = 0
    while x < 100:
        x = yield x * 2
p = pingpong()
print(next(p), p.send(3), p.send(10))
try:
    p.send(500)
except StopIteration:
    print("finished")
