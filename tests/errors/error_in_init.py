# An exception raised in __init__ while constructing an object.
class Temperature:
    def __init__(self, kelvin):
        if kelvin < 0:
            raise ValueError("temperature below absolute zero: %r" % kelvin)
        self.kelvin = kelvin

temps = [Temperature(k) for k in (300, 0)]
print(len(temps))
t = Temperature(-5)
