# staticmethod and classmethod.
class Temperature:
    unit = "C"
    count = 0
    def __init__(self, deg):
        self.deg = deg
        Temperature.count += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit

class Kelvin(Temperature):
    unit = "K"

print(Temperature.c_to_f(100), Temperature(0).c_to_f(-40))
t = Temperature.from_f(212)
print(type(t).__name__, t.deg)
k = Kelvin.from_f(32)
print(type(k).__name__, k.deg)
print(Temperature.describe(), Kelvin.describe(), k.describe())
print(Temperature.count)

class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return len(cls.items)
    @staticmethod
    def helper(a, b=2):
        return a ** b
print(Registry.add("a"), Registry.add("b"), Registry().add("c"), Registry.items)
print(Registry.helper(3), Registry().helper(2, 10))
f = Registry.helper
print(f(5))
