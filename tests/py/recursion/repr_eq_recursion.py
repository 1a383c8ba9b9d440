# RecursionError through __repr__ and __eq__ recursion.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"

try:
    repr(Loop())
except RecursionError:
    print("RecursionError caught in __repr__")

class Str:
    def __str__(self):
        return str(self)
try:
    str(Str())
except RecursionError:
    print("RecursionError caught in __str__")

class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == Eq()
except RecursionError:
    print("RecursionError caught in __eq__")

class Attr:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Attr().y
except RecursionError:
    print("RecursionError caught in __getattr__")

a = []
for _ in range(100):
    a = [a]
print(len(repr(a)))
l = [1]
l.append(l)
print(l, l == l)
print("after")
