# __eq__ and __lt__ and friends; sorting user objects.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __repr__(self):
        return "V" + ".".join(str(p) for p in self.parts)
    __hash__ = None

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2", "2.0"]]
print(sorted(vs))
print(sorted(vs, reverse=True))
print(max(vs), min(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"))
print(Version("1.0") == "1.0", Version("1.0") != "1.0")
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.9"))
print(Version("1.0") >= Version("1.0"), Version("3") <= Version("2"))
print(Version("1.2") in vs, vs.index(Version("1.2")), vs.count(Version("1.2")))

class Loose:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == getattr(other, "n", other)
print(Loose(3) == 3, 3 == Loose(3), Loose(3) == Loose(3), Loose(3) != 4)
try:
    Version("1") < 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    sorted([Loose(1), Loose(2)])
except TypeError as e:
    print("TypeError:", e)
print(hash(Loose) is not None, Loose.__hash__ is None)
