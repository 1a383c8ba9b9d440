# Imports inside functions bind local names; repeated import returns the same module.
def use_math():
    import math
    return math.floor(7.8)

def use_helper():
    from _counter import bump
    return bump(2)

print(use_math(), "math" in dir())
print(use_helper(), use_helper())
import _counter
print(_counter.count)
def alias():
    import _counter as c
    return c is _counter
print(alias())
import math, sys
print(math.sqrt(81), sys.maxsize > 0)
