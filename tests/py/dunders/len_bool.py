# __len__ and __bool__ drive truthiness and len().
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__ called")
        return self.v

class Both:
    def __len__(self):
        return 0
    def __bool__(self):
        return True

class Neither:
    pass

for obj in [Sized(0), Sized(3)]:
    print(len(obj), bool(obj), "yes" if obj else "no")
for f in [Flag(True), Flag(False)]:
    if f:
        print("truthy")
    else:
        print("falsy")
print(bool(Both()), len(Both()), bool(Neither()))
print(not Sized(0), not Sized(1), Sized(0) or "alt", Sized(2) and "and")
try:
    len(Neither())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
print(len(Sized(2 ** 40)))
