# An exception inside a list comprehension and a lambda adds frames.
data = [4, 2, 0, 1]
print([100 // d for d in data if d > 1])
scale = lambda d: 100 // d
print([scale(d) for d in data])
