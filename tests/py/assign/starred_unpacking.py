# Starred targets in unpacking and starred expressions in displays.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, z = "abcdef"
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
*everything, = range(4)
print(everything)
head, *tail = (9,)
print(head, tail)
(a, b), *others = [(1, 2), (3, 4), (5, 6)]
print(a, b, others)
for x, *ys in [(1, 2, 3), (4,), (5, 6)]:
    print(x, ys)
print([*range(3), *"ab", *[None]])
print((*[1, 2], 3))
print({*[1, 2], *[2, 3]})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args):
    return args
print(f(*[1, 2], 3, *(4, 5)))
t = 1, *[2, 3]
print(t, type(t).__name__)
