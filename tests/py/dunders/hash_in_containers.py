# __hash__ and __eq__ make objects usable as dict keys and set members.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return "Key(%d,%d)" % (self.a, self.b)

d = {}
d[Key(1, 2)] = "first"
d[Key(1, 2)] = "second"
d[Key(2, 1)] = "third"
print(d, len(d))
print(d[Key(2, 1)], Key(1, 2) in d, Key(3, 3) in d)
s = {Key(i % 3, 0) for i in range(10)}
print(len(s), sorted(s, key=lambda k: k.a))

class ConstHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return "C%d" % self.v
cd = {ConstHash(i): i for i in range(20)}
print(len(cd), cd[ConstHash(13)], list(cd)[:5])
del cd[ConstHash(0)]
print(len(cd), ConstHash(0) in cd)

class Unhashable:
    def __eq__(self, other):
        return True
try:
    {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {[1, 2]: 3}
except TypeError as e:
    print("TypeError:", e)
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
print(hash(-1), hash(0), hash(10), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2))
