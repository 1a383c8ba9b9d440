# An exception inside a generator consumed by sum(): the traceback shows the caller and
# the generator expression, as CPython's does (no frame for the built-in's loop).


def ratios(values):
    return sum(1 / v for v in values)


print(ratios([1, 2, 4]))
print(ratios([3, 0, 1]))
