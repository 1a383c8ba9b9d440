# yield from delegation and its return value.
def inner(n):
    for i in range(n):
        yield i
    return "inner-done-%d" % n

def outer():
    r1 = yield from inner(2)
    print("  got", r1)
    r2 = yield from inner(3)
    print("  got", r2)
    yield from ["x", "y"]
    yield from "ab"
    return "outer-done"

g = outer()
out = []
try:
    while True:
        out.append(next(g))
except StopIteration as e:
    print("return value:", e.value)
print(out)

def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, 4], []], [[[5]]], 6])))

def tree(depth):
    if depth == 0:
        yield "leaf"
        return 1
    left = yield from tree(depth - 1)
    right = yield from tree(depth - 1)
    return left + right
def count_leaves(d):
    g = tree(d)
    n = 0
    while True:
        try:
            next(g)
            n += 1
        except StopIteration as e:
            return n, e.value
print(count_leaves(3), count_leaves(5))
def ret_only():
    return 42
    yield
g = ret_only()
try:
    next(g)
except StopIteration as e:
    print("immediate StopIteration", e.value, e.args)
