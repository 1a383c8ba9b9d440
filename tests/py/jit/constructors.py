# Constructors in compiled loops: __init__ is inlined as a frame that returns the new
# instance. Guards fail inside __init__ (the exit rebuilds that frame), __init__ raises
# several frames down, returns a value (TypeError), and calls Base.__init__.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

    def norm2(self):
        return Point.norm2(self) + self.z * self.z


class Checked:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = check(v)


def check(v):
    return 100 // (v - 7777)


class Bad:
    def __init__(self, v):
        self.v = v
        if v == 2500:
            return v


def points(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1) if i % 3 else Point(i * 0.5, 1.5)  # int or float fields
        total += p.norm2()
        if i % 500 == 0:
            q = Point3(i, 2, 3)
            total += q.norm2()
    return total


def raising(n):
    made = []
    errors = []
    for i in range(n):
        try:
            made.append(Checked(i).v)
        except ZeroDivisionError as e:
            errors.append(("zero", i, str(e)))
    try:
        Checked(-1)
    except ValueError as e:
        errors.append(str(e))
    return len(made), sum(made), errors


def bad(n):
    out = 0
    for i in range(n):
        try:
            out += Bad(i).v
        except TypeError as e:
            return out, str(e)
    return out, None


def keep(n):
    objs = [Point(k, -k) for k in range(n)]
    return sum(o.x - o.y for o in objs), type(objs[-1]).__name__, objs[5].__dict__


print(points(4000))
print(raising(9000))
print(bad(4000))
print(keep(3000))
