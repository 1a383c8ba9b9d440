# str.format / format_map field grammar: numbering, attributes, items, conversions,
# nested specs and brace escapes.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.pair = [x, y]
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "<%s,%s>" % (self.x, self.y)

p = P(3, "é")
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"), "{}".format(None))
print("{name} is {age}".format(name="Ann", age=7), "{0} {k}".format(1, k=2), "{k}{}".format(5, k=6))
print("{0.x} {0.y} {0.pair[1]} {0.pair[0]}".format(p), "{p.x}".format(p=p))
print("{0[0]} {0[2]} {1[a]} {1[b c]} {2[1]}".format([10, 20, 30], {"a": "A", "b c": "BC"}, "xyz"))
print("{0[1]}".format({1: "int key"}), "{0[-1]}".format({"-1": "str key"}), "{d[0]}".format(d={0: "zero"}))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}".format("q"), "{0!s:*^9}".format(p), "{0!r}".format(p))
print("{:{}}".format("x", 5) + "|", "{:{w}.{p}f}".format(3.14159, w=10, p=2), "{0:{1}{2}}".format(7, ">", 4))
print("{:{fill}{align}{width}}".format("mid", fill="-", align="^", width=9), "{:>{}}".format("r", 4))
print("{{}} {{{0}}} }}{{ {{x}}".format(1), "{{".format(), "}}".format(), "a{{b}}c".format())
print("{0:}".format(42), "{:}".format("s"), "{0!r:}".format(1.5), "".format(1, 2), "no fields".format(1))
print("{}{}{}".format(*"abc"), "{a}{b}".format(**{"a": 1, "b": 2}))
print("{0}".format([1, 2]), "{0}".format((1,)), "{0}".format({"k": 1}), "{}".format(True), "{:d}".format(True))
print("{x}".format_map({"x": 1}), "{a[0]}-{b.x}".format_map({"a": "zq", "b": p}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{known} {unknown}".format_map(Default(known="K")))
class M:
    def __getitem__(self, k):
        return k.upper()
print("{hello} {world}".format_map(M()))
class F:
    def __format__(self, spec):
        return "F(" + spec + ")"
print("{0} {0:abc} {0:{1}}".format(F(), "nested"), format(F(), "xyz"), f"{F():q}")
print("{0:>8}|{0:<8}|{0:^8}|{0:08}".format(-12), "{:,}".format(1234567), "{:_x}".format(0xdeadbeef))
print("{:.3}|{:.3s}|{:10.2%}".format(3.14159, "abcdef", 0.1234))
print("{0[0][1]}".format([[1, 2]]), "{0.pair[1]!r}".format(p), "{0[0].x}".format([p]))
print("{٣}".format(0, 1, 2, 3), "{0}".format(*range(3)))
