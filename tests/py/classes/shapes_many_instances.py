# Many instances with attributes assigned in different orders (exercises hidden classes / shapes).
class Rec:
    pass

objs = []
for i in range(300):
    r = Rec()
    if i % 3 == 0:
        r.a = i
        r.b = i * 2
        r.c = i * 3
    elif i % 3 == 1:
        r.c = i * 3
        r.a = i
        r.b = i * 2
    else:
        r.b = i * 2
        r.c = i * 3
        r.a = i
    if i % 5 == 0:
        r.extra = "e%d" % i
    if i % 7 == 0:
        del r.b
        r.b = -i
    objs.append(r)

total = 0
for r in objs:
    total += r.a + r.b + r.c
print("total", total)
print([list(vars(objs[i])) for i in range(0, 8)])
print([getattr(o, "extra", None) for o in objs[:11]])
print(sum(1 for o in objs if hasattr(o, "extra")))

class P:
    def __init__(self, x, y, flip):
        if flip:
            self.y = y
            self.x = x
        else:
            self.x = x
            self.y = y
    def dot(self, other):
        return self.x * other.x + self.y * other.y

ps = [P(i, i + 1, i % 2) for i in range(1000)]
acc = 0
for i in range(len(ps) - 1):
    acc += ps[i].dot(ps[i + 1])
print("dot sum", acc)
for i in range(0, 1000, 200):
    ps[i].x = "s"
print([ps[i].x for i in range(0, 1000, 100)])
