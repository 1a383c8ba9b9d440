# __getitem__, __setitem__, __delitem__ and __contains__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, value):
        return value in self.cells.values()
    def render(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))

g = Grid(4, 3)
g[0, 0] = "#"
g[3, 2] = "@"
g[1, 1] = "#"
print(g.render())
print("@" in g, "%" in g, "#" not in g)
del g[1, 1]
print(g.render())
try:
    g[9, 9]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[2, 2]
except KeyError as e:
    print("KeyError:", e)

class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 30 in Seq(), 35 in Seq())
for v in Seq():
    print(v, end=" ")
print()

class Slicer:
    def __getitem__(self, k):
        return k
s = Slicer()
print(s[1], s[1:2], s[::3], s[1, 2:3], s[...], s["key"])
