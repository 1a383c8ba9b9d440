# __repr__ and __str__ and where each is used.
class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Both(%r)" % (self.v,)
    def __str__(self):
        return "<both %s>" % (self.v,)

class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"

class StrOnly:
    def __str__(self):
        return "str-only"

b = Both("x")
print(b)
print(str(b), repr(b))
print([b, Both(1)])
print((b,), {"k": b})
print(f"{b} {b!r} {b!s}")
print("%s %r" % (b, b))
print("{} {!r}".format(b, b))
r = ReprOnly()
print(r, str(r), [r])
s = StrOnly()
print(s, str(s))
print(len(repr(s)) > 0, repr(s).startswith("<__main__.StrOnly object at "))
class Sub(Both):
    pass
print(Sub(3), repr(Sub(3)))
class Nested:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return "N" + repr(self.children)
print(Nested([Nested([]), Nested([Nested([])])]))
