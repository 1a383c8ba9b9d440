# The format-spec mini-language over int/float/str values, __format__, f-strings (=, nested specs, conversions) and %-formatting.
vals = [0, 1, -1, 42, -42, 255, 12345678, -9876543210, 2**70, True]
specs = ["", "d", "5d", "<5", "^7", ">6", "*^9", "+", " ", "-", "#x", "#X", "#o", "#b", "08", "08x", "+08d", ",", "_", "_x", "_b", "15,", "015,", "c", "n", "e", ".2e", "f", ".3f", "g", "%", ".1%", "=+8", "x", "o", "b", "E", "G", ".0f", "#.0f"]
for v in vals:
    out = []
    for s in specs:
        if s == "c" and (v < 0 or v > 0x10ffff): continue
        try: out.append(format(v, s))
        except Exception as e: out.append(type(e).__name__ + ":" + str(e))
    print(out)
fv = [0.0, -0.0, 1.5, -2.25, 3.14159265358979, 1e16, 1.234e-7, 123456789.125, float('inf'), float('-inf'), float('nan'), 2.5, 0.1, 1e300, 5e-324]
fs = ["", "f", ".2f", "10.3f", "<10.2f", "^12.4e", "+.3g", "g", ".10g", "#g", "#.3g", "e", "E", ".0e", "%", ".2%", ",.2f", "_.3f", "015.3f", "=+12.2f", "F", "G", ".3", ".0", "n", "#.0f", "#", ".1f", "20", "0=20.4f", " .2f"]
for v in fv:
    out = []
    for s in fs:
        try: out.append(format(v, s))
        except Exception as e: out.append(type(e).__name__ + ":" + str(e))
    print(out)
for s in ["", "10", "<10", ">10", "^10", "*^11", ".2", "10.3", "s", "x^5"]:
    print(repr(format("hello", s)))
for bad in [("abc", "d"), (1, "s"), (1.5, "d"), (1, ".2d"), ("a", "+"), (1, ",b"), (1.0, "x"), (1, "=^")]:
    try: print(format(*bad))
    except Exception as e: print(type(e).__name__, e)
class P:
    def __format__(self, spec): return "P<" + spec + ">"
print(format(P(), "xyz"), f"{P():abc}", "{:q}".format(P()))
x = 3.14159; w = 10; p = 3; name = "bob"
print(f"{x=}", f"{x = :.2f}", f"{x:{w}.{p}f}", f"{name!r}", f"{name!s:>8}", f"{name!a}", f"{'é'!a}", f"{x!r:>12}")
print(f"{{}}", f"{1+2}", f"{'a' 'b'}", f"{[1,2][0]}", f"{ {'a':1}['a'] }", f"{x:>{w}}", f"{3:{'>'}{5}}")
print(f"{w=!r:>5}", f"{name=}")
d = {"a": 1, "b": 2.5}
print("%(a)d %(b).2f %(a)s" % d, "%s %r %d %i %u %x %X %o %e %E %f %F %g %G %c %%" % ("s", "r", 1, 2, 3, 255, 255, 8, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 65))
print("%5s|%-5s|%05d|%+d|% d|%.3s|%*d|%-*d|%.*f" % ("a", "b", 42, 5, 5, "abcdef", 5, 1, 5, 2, 3, 3.14159))
print("%#x %#o %#X %c" % (255, 8, 255, "z"), "%s" % (1,), "%s" % [1, 2], "%d" % 3.9, "%x" % 2**70, "%.2e" % 12345.678)
for bad in [("%d", "a"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1234567)]:
    try: print(bad[0] % bad[1])
    except Exception as e: print(type(e).__name__, e)
