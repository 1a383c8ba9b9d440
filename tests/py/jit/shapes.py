# Instance attribute shapes changing mid-loop: attributes added and deleted, class
# attributes rebound, methods replaced on the class, instance attributes shadowing
# class attributes, __dict__ mode, __slots__-free classes with polymorphic instances.

class P:
    kind = "p"
    def __init__(self, x):
        self.x = x
    def val(self):
        return self.x

def add_attr_midloop(n):
    objs = [P(i) for i in range(8)]
    s = 0
    for i in range(n):
        o = objs[i % 8]
        if i == 1500:
            for q in objs[::2]:
                q.y = 100           # half the objects change shape
        s += o.x + getattr(o, "y", 0)
        if i == 2500:
            del objs[0].x           # delete an attribute ...
            objs[0].x = -1000       # ... and add it back (different order now)
    return s, [list(vars(o)) for o in objs[:3]]
print("add attr", add_attr_midloop(4000))

def delete_attr_midloop(n):
    o = P(1)
    o.z = 5
    s = 0
    missing = 0
    for i in range(n):
        try:
            s += o.z
        except AttributeError:
            missing += 1
            o.z = i        # re-add
        if i % 1000 == 999:
            del o.z
    return s, missing
print("delete attr", delete_attr_midloop(4000))

def class_attr_rebound(n):
    o = P(0)
    out = []
    for i in range(n):
        if i == 1000:
            P.kind = "q"
        if i == 2000:
            o.kind = "instance"     # shadow the class attribute
        if i == 3000:
            del o.kind
            P.kind = 7
        k = o.kind
        if not out or out[-1][1] != k:
            out.append((i, k))
    P.kind = "p"
    return out
print("class attr", class_attr_rebound(4000))

def method_replaced(n):
    objs = [P(i) for i in range(4)]
    s = 0
    original = P.val
    for i in range(n):
        if i == 1200:
            P.val = lambda self: self.x * 10
        if i == 2400:
            def val(self):
                return -self.x
            P.val = val
        if i == 3000:
            objs[1].val = lambda: 99999     # instance attribute shadows the method
        s += objs[i % 4].val()
    P.val = original
    return s
print("method replaced", method_replaced(4000))

class Base:
    def f(self):
        return 1
class Mid(Base):
    pass
class Leaf(Mid):
    pass

def inherited_override(n):
    o = Leaf()
    s = 0
    for i in range(n):
        if i == 1000:
            Mid.f = lambda self: 2          # override appears in a middle class
        if i == 2000:
            Leaf.f = lambda self: 3
        if i == 3000:
            del Leaf.f
            del Mid.f                       # back to Base.f
        s += o.f()
    return s
print("inherited", inherited_override(4000))

class Poly1:
    def __init__(self):
        self.a = 1
        self.b = 2
class Poly2:
    def __init__(self):
        self.b = 20
        self.a = 10     # same names, different slot order
class Poly3:
    a = 100
    def __init__(self):
        self.b = 200

def polymorphic(n):
    objs = [Poly1(), Poly2(), Poly3(), Poly1(), Poly2()]
    s = 0
    for i in range(n):
        o = objs[i % 5] if i > 1500 else objs[0]
        s += o.a * 3 + o.b
    return s
print("polymorphic", polymorphic(4000))

def dict_mode(n):
    o = P(1)
    s = 0
    for i in range(n):
        if i == 1500:
            d = o.__dict__
            d["x"] = 50                      # write through the dict
            d["w"] = 7
        if i == 2500:
            o.x = 60
        s += o.x + o.__dict__.get("w", 0)
    return s, sorted(o.__dict__.items())
print("dict mode", dict_mode(4000))

def setattr_names(n):
    o = P(0)
    for i in range(n):
        setattr(o, "a%d" % (i % 40), i)
        if i % 7 == 0 and hasattr(o, "a%d" % (i % 13)):
            delattr(o, "a%d" % (i % 13))
    return sorted(vars(o).items())[:6], len(vars(o))
print("setattr", setattr_names(3000))

class Prop:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x * 2

def property_replaced(n):
    o = Prop()
    s = 0
    for i in range(n):
        if i == 2000:
            Prop.v = property(lambda self: -self._v)
        try:
            o.v = i
        except AttributeError:
            o._v = i
        s += o.v
    return s
print("property", property_replaced(4000))

def getattr_hook(n):
    class G:
        def __getattr__(self, name):
            return len(name)
    g = G()
    s = 0
    for i in range(n):
        if i == 1500:
            g.long_attribute_name = 1
        s += g.long_attribute_name + g.xy
    return s
print("getattr hook", getattr_hook(3000))

# module level: a global instance whose class gets a new method mid-loop
class M:
    def __init__(self):
        self.n = 0
m = M()
for i in range(3000):
    if i == 1700:
        M.bump = lambda self: setattr(self, "n", self.n + 5)
    if hasattr(m, "bump"):
        m.bump()
    else:
        m.n += 1
print("module", m.n)
