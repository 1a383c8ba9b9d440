# Subclasses of int: the wrapped value drives methods, operators, hashing and repr.
class MyInt(int):
    pass


class Named(int):
    def __repr__(self):
        return "Named(" + int.__repr__(self) + ")"


class Celsius(int):
    def __add__(self, other):
        return Celsius(int(self) + int(other))

    def describe(self):
        return str(int(self)) + " degrees"


m = MyInt(41)
print(m, repr(m), type(m).__name__, m + 1, type(m + 1).__name__, m * 2, -m, abs(MyInt(-3)))
print(m == 41, m != 41, m < 42, m > 40.5, 41 == m, hash(m) == hash(41), bool(MyInt(0)))
print(m.bit_length(), m.real, type(m.real).__name__, m.numerator, m.to_bytes(1, "big"), m.as_integer_ratio())
print(int(m), type(int(m)).__name__, float(m), str(m), [10, 20, 30, 40, 50][MyInt(2)])
print(MyInt("ff", 16), MyInt(b"12"), MyInt(3.7), MyInt(), MyInt("11", base=2))
print(isinstance(m, int), issubclass(MyInt, int), type(MyInt.from_bytes(b"\x05", "big")).__name__)
print(int.__add__(m, 1), int.__eq__(m, 41), m.__index__(), type(m.__index__()).__name__)
n = Named(7)
print(n, repr(n), str(n), [n], n + n, n.__round__(), round(n), round(n, -1))
c = Celsius(20)
print(c + 5, type(c + 5).__name__, c.describe(), 5 + c, type(5 + c).__name__)
d = {MyInt(1): "a", 2: "b"}
print(d[1], d[MyInt(2)], sorted([MyInt(3), 1, MyInt(2)]), max(MyInt(3), 5), divmod(MyInt(17), 5))
print(pow(MyInt(2), 10), pow(MyInt(3), 2, MyInt(5)), MyInt(6) // 4, MyInt(6) / 4, MyInt(6) % 4, MyInt(1) << 70)
