# from m import a, b and import m as x.
from _shapes import Square, circle_area as ca, PI_ISH
import _shapes as sh
import _counter as ctr
from _counter import bump, count
print(Square(4).area(), ca(1), PI_ISH)
print(sh.Square is Square, sh.created)
print(bump(), bump(5), ctr.count, count)
from _counter import count
print(count, ctr.history)
ctr.reset()
print(ctr.count, ctr.history)
try:
    from _shapes import Nothing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0], "| name:", e.name)
try:
    import _does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
print(issubclass(ModuleNotFoundError, ImportError))
