# import of a sibling helper module and attribute access on it.
print("before import")
import _shapes
print("after import")
import _shapes
print("second import runs nothing")
s = _shapes.Square(3)
r = _shapes.Rect(2, 5)
print(s.area(), r.area(), _shapes.circle_area(2), _shapes.PI_ISH)
print(_shapes.created, _shapes.__name__, type(_shapes).__name__)
print(_shapes._private())
_shapes.PI_ISH = 3
print(_shapes.circle_area(2))
print(hasattr(_shapes, "Square"), hasattr(_shapes, "Triangle"))
print(isinstance(s, _shapes.Square), _shapes.Square.__module__, _shapes.Square.__name__)
print(sorted(n for n in dir(_shapes) if not n.startswith("__")))
