# In-place operator dunders (__iadd__ etc.) and fallback to binary ops.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        print("  __iadd__", x)
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
    def __imul__(self, n):
        self.items = self.items * n
        return self
    def __repr__(self):
        return "Acc%r" % (self.items,)

a = Acc()
orig = a
a += 1
a += 2
a += 1
a -= 1
print(a, a is orig)
a *= 2
print(a)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("  __add__")
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
o2 = o
o += 5
print(o.v, o2.v, o is o2)

class Weird:
    def __iadd__(self, o):
        return "replaced"
w = Weird()
w += 1
print(w)

lst = [1]
t = (lst,)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
class Holder:
    pass
h = Holder()
h.acc = Acc()
h.acc += "x"
print(h.acc)
d = {"k": Acc()}
d["k"] += "y"
print(d)
