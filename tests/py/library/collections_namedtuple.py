from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
x, y = p
print(x, y, p == (1, 2), isinstance(p, tuple), len(p), p + (3,), p * 2, hash(p) == hash((1, 2)))
P3 = namedtuple('P3', 'a b c', defaults=[0, 1])
print(P3(5), P3(1, 2, 3), P3._field_defaults, P3.__name__, P3.__doc__)
Pr = namedtuple('Pr', 'x def x _y', rename=True)
print(Pr._fields, Pr(1, 2, 3, 4))
Emp = namedtuple('Emp', 'name, age  title')
e = Emp('Ann', 40, 'dev')
print(e, e._fields, getattr(e, 'title'), e.count(40), e.index('dev'), sorted([Emp('b', 1, 'x'), Emp('a', 2, 'y')]))
print(Point.x.__doc__ if hasattr(Point.x, '__doc__') else '', Point(x=0, y=0)._replace(y=9))
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: p._replace(z=1),
            lambda: namedtuple('Bad', 'a a'), lambda: namedtuple('Bad', '_a'), lambda: namedtuple('Bad', 'def'),
            lambda: namedtuple('1Bad', 'a'), lambda: Point._make([1]), lambda: namedtuple('B', 'a', defaults=[1, 2])]:
    try:
        bad()
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)


class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2


v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, type(v).__name__, Vec._fields)
points = [Point(3, 1), Point(1, 2), Point(2, 0)]
print(sorted(points), max(points, key=lambda q: q.y), {Point(0, 0): 'origin'}[Point(0, 0)])
print(Point(*range(2)), Point(**{'x': 'a', 'y': 'b'}), list(Point(5, 6)), tuple(p), dict(zip(p._fields, p)))
