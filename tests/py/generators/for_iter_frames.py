def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return 99

def stopper():
    yield 1
    raise StopIteration

def raiser():
    yield 1
    yield 2
    raise ValueError("boom")

s = 0
for x in gen(10):
    s += x
print(s)
g = gen(3)
print(list(g), list(g))
try:
    for x in stopper():
        print("got", x)
except RuntimeError as e:
    print("RE", e, type(e.__cause__).__name__)
try:
    for x in raiser():
        print("got", x)
except ValueError as e:
    print("VE", e)
def nested():
    for a in gen(3):
        for b in gen(a):
            yield a, b
print(list(nested()))
for x in nested():
    print(x)
g = gen(5)
for x in g:
    if x == 2:
        break
print(next(g), list(g))
def selfref():
    yield 1
    for x in me:
        yield x
me = selfref()
try:
    for x in me:
        print(x)
except ValueError as e:
    print("VE", e)
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("fin")
for x in fin():
    print(x)
def deep(n):
    if n == 0:
        yield 0
    else:
        for x in deep(n-1):
            yield x + 1
print(list(deep(50)))
for x in deep(50):
    print(x)
def rec():
    for x in rec():
        yield x
try:
    for x in rec():
        pass
except RecursionError as e:
    print("RecErr")
