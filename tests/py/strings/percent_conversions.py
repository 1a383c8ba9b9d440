# printf-style % formatting: every conversion with flags, width and precision.
for v in [0, 42, -42, 255, 2**64, -(2**70)]:
    print("%d|%i|%u|%5d|%-5d|%05d|%+d|% d|%.3d|%x|%X|%#x|%#X|%o|%#o|%08.3x|%-#8o|%+05d" % ((v,) * 18))
for v in [0.0, -0.0, 1.5, -2.675, 3.14159, 1e20, 1.5e-7, 1e400, -1e400, 123456.789]:
    print("%f|%.2f|%10.3f|%-10.1f|%010.2f|%+.1f|% .1f|%e|%.2E|%g|%.3G|%#g|%#.0f|%.0e|%F" % ((v,) * 15))
print("%s|%r|%a|%5s|%-5s|%.2s|%5.1s|%s" % ("é", "é", "é", "ab", "ab", "abc", "xyz", None))
print("%s %s %s %s %s" % ([1, "x"], (1,), {"k": 2}, 1.5, True), "%r %a" % ("tab\t", "€"))
print("%c%c%c|%3c|%-3c|" % (65, "b", 0x1F600, "x", 97))
print("%%|%d%%" % (7,), "100%%" % (), "%s%%" % "x")
print("%d %s" % (1.9, 2.5), "%d" % -1.9, "%i" % True, "%x" % False, "%.1f" % 2, "%e" % 10**20, "%s" % 10**30)
print("%*d|%-*d|%.*f|%*.*f|%*s" % (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.5, -4, "ab"))
print("%(name)s is %(age)d, %(name)r" % {"name": "Bo", "age": 3}, "%(a)s %(a)s" % {"a": 1}, "%(x)05.1f" % {"x": 2.25})
print("%(a(b))s" % {"a(b)": "nested parens"}, "%()s" % {"": "empty key"}, "%s" % {"k": "v"}, "%d items" % 3)
print("no specs" % (), "no specs" % {}, "no specs" % [], "%s" % [1, 2], "%s" % ((1, 2),), "%s-%s" % (1, 2))
print("%5.2s|%-6r|%.0s|%ld|%hd|%Lf" % ("abc", "q", "gone", 5, 6, 1.5))
print("%s" % "x" * 2, "%s|%d" % ("é" * 3, len("é" * 3)), "μ=%.3f σ=%.3f" % (0.5, 0.25))
class S(str):
    def __str__(self):
        return "custom"
print("%s|%r" % (S("abc"), S("abc")))
class Num:
    def __int__(self):
        return 7
    def __index__(self):
        return 8
    def __float__(self):
        return 9.5
print("%d %x %f %c" % (Num(), Num(), Num(), Num()))
class T(tuple):
    pass
print("%s+%s" % T((1, 2)))
class Mapping:
    def __getitem__(self, k):
        return k * 2
print("%(ab)s %(c)s" % Mapping())
print("%s" % Mapping.__name__, "%(0)s" % {"0": "zero"})
print("{}%s".format(1) % 2, "%s" % "%s" % "deep")
big = "%s," * 200 % tuple(range(200))
print(len(big), big[:30])
