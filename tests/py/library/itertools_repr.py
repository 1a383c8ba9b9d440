# itertools.count and itertools.repeat show their constructor call as repr, with the
# current count.
from itertools import count, repeat

print(repr(count()), repr(count(3)), repr(count(1.5, 2)), repr(count(0, -1)))
print(repr(count(2, 1)), repr(count(1.0)), repr(count(1, 1.0)), repr(count(True)), repr(count(True, 2)))
print(repr(count(2**70)), repr(count(-5, 2**65)))
c = count(10, 5)
next(c)
next(c)
print(repr(c), str(c))
r = repeat(2, 3)
print(repr(r))
next(r)
print(repr(r))
print(list(r), repr(r))
print(repr(repeat('a')), repr(repeat([1, 'x'], -3)), repr(repeat(None, 0)))
print([repr(count(i)) for i in range(3)])
