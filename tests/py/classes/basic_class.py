# Classes with __init__, methods, instance and class attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def describe(self):
        return "Point(%d, %d)" % (self.x, self.y)

p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1, -1)
print(q.describe(), p.describe())
print(Point.norm2(q))
m = p.norm2
print(m())
print(type(p).__name__, type(p) is Point, Point.__name__)
print(Point)
print(type(p))
Point.dims = 3
print(p.dims, q.dims)
p.dims = 99
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)
print(p.__dict__, q.__dict__)
print(sorted(k for k in Point.__dict__ if not k.startswith("__")))
points = [Point(i, i * i) for i in range(5)]
print([pt.describe() for pt in points])
print(sum(pt.norm2() for pt in points))
