# Module-level state shared between importers; a module importing another module.
import _counter
import _mathutil
print(_counter.count)
print(_mathutil.hyp(3, 4), _mathutil.hyp(5, 12))
print(_counter.count, _counter.history)
print(_mathutil._counter is _counter, _mathutil.math.pi == 3.141592653589793)
_counter.bump(10)
print(_counter.count, _mathutil.mean([1, 2, 3, 4]), _mathutil.VERSION)
import sys
print("_counter" in sys.modules, "_mathutil" in sys.modules, sys.modules["_counter"] is _counter)
