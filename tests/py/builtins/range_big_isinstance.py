# A range with bounds past 64 bits is a range for isinstance.
r = range(2**70, 2**70 + 3)
print(isinstance(r, range), issubclass(type(r), range), type(r).__name__, r)
print(list(r), len(r), r[1], r.index(2**70 + 2), r.count(2**70), 2**70 + 1 in r)
print(isinstance(range(3), range), isinstance([], range))
try:
    range.index(5, 1)
except TypeError as e:
    print(e)
