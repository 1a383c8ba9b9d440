# Assorted builtins: chr/ord, bin/hex/oct, any/all, map/filter, round, id stability, isinstance.
print(chr(97), ord("a"), chr(8364), ord("€"), [ord(c) for c in "AZaz09"])
print(bin(10), hex(255), oct(64), bin(-3), hex(0), oct(-8))
print(any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]), any([]), all([]))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])), list(filter(None, [0, 1, "", "a", None, []])))
print(round(2.567, 1), round(-2.567, 2), round(12345, -3), round(0.125, 2), round(0.375, 2))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), a is b)
print(isinstance([], list), isinstance((), list), isinstance(True, int))
print(list(reversed([1, 2, 3])), sorted({3, 1, 2}), len(dir([])) > 10)
print(divmod(-7, 2), pow(10, -2), pow(-2, 3), pow(7, 2, 5))
print(hash(42), hash(True), hash(3.0) == hash(3), hash((1, 2)) == hash((1, 2)))
print(max(map(len, ["a", "bbb", "cc"])), sum(map(int, "12345")))
print(list(filter(lambda s: s.startswith("a"), ["ab", "ba", "ac"])))
print(format(255, "x"), format(0.5, ".1%"), format(1234567, ","))
x = 10
print(x, str(x) * 2)
print(isinstance(print, object), type(abs).__name__)
