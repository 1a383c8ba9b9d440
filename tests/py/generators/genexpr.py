# Generator expressions: laziness, single use, scoping.
squares = (x * x for x in range(6))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))
print(sum(x for x in range(101)), max(len(w) for w in "a bb ccc".split()))
print(sorted((c for c in "hello"), reverse=True))
print(list(x * y for x in range(3) for y in range(3) if x != y))
log = []
def noisy(i):
    log.append(i)
    return i
g = (noisy(i) for i in range(5))
print(log)
print(next(g), log)
print(any(v > 2 for v in g), log)
print(all(x > 0 for x in [1, 2, 3]), all(x > 0 for x in [1, 0]), any(()), all(()))
print(dict((i, i * i) for i in range(4)), tuple(c.upper() for c in "abc"))
print("-".join(str(i) for i in range(5)))
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
