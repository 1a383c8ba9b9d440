# Attributes added dynamically to instances and classes; getattr/setattr/hasattr.
class Bag:
    pass

b = Bag()
b.x = 1
b.y = "two"
setattr(b, "z", [3])
print(b.x, b.y, b.z, getattr(b, "x"), getattr(b, "missing", "default"))
print(hasattr(b, "z"), hasattr(b, "w"))
print(sorted(vars(b).items()))
for name in ["a1", "a2", "a3"]:
    setattr(b, name, name.upper())
print(b.a1, b.a2, b.a3)
delattr(b, "a2")
print(hasattr(b, "a2"), len(b.__dict__))
Bag.shared = "class-level"
print(b.shared, Bag().shared)
def method(self):
    return "method sees " + str(self.x)
Bag.m = method
print(b.m())
b.__dict__["direct"] = 42
print(b.direct)
try:
    getattr(b, "nope")
except AttributeError as e:
    print("AttributeError:", e)
class Slots:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
s = Slots(alpha=1, beta=2)
print(s.alpha + s.beta, list(s.__dict__))
