# Recursive generators with yield from, several hundred levels deep.
def countdown(n):
    if n < 0:
        return
    yield n
    yield from countdown(n - 1)

vals = list(countdown(300))
print(len(vals), vals[:5], vals[-5:], sum(vals))

def tree_paths(depth, prefix=""):
    if depth == 0:
        yield prefix
        return
    yield from tree_paths(depth - 1, prefix + "L")
    yield from tree_paths(depth - 1, prefix + "R")
paths = list(tree_paths(4))
print(len(paths), paths[:4], paths[-1])

def nested(n):
    return [] if n == 0 else [n, nested(n - 1)]
def walk(x):
    for item in x:
        if isinstance(x, list) and isinstance(item, list):
            yield from walk(item)
        else:
            yield item
print(sum(walk(nested(200))))

def forever(n):
    yield n
    if n < 100000:  # a safety net: CPython hits RecursionError long before this
        yield from forever(n + 1)
g = forever(0)
try:
    for v in g:
        pass
except RecursionError:
    print("RecursionError from unbounded yield from, last value > 100:", v > 100)
