# format() and __format__ for int, bool, float and str; f-strings with specs.
ints = [0, 7, -7, 255, 1234567, -1234567, 2**70, -(2**64)]
specs = ["", "d", "5", "<6", ">6", "^7", "=+8", "+", " ", "x", "X", "#x", "#o", "#b", "b", "o", "08", "_", ",", "#010x", "c", "e", ".2f", "%", "n", "*^12,"]
for v in ints:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(v, out)
floats = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e20, 1.5e-7, 123456.789, 1e400, -1e400, 1e400 - 1e400, 1/3]
fspecs = ["", "f", ".2f", "10.3f", "<10.1f", "e", ".3E", "g", ".3g", "G", "%", ".1%", "+.2f", " .2f", "010.2f", ",.2f", "_.1f", "z.1f", "#.0f", ".0f", "n", ".10g", "15", "^15.4e"]
for v in floats:
    print(repr(v), [format(v, s) for s in fspecs])
strs = ["", "abc", "héllo", "长"]
sspecs = ["", "s", "5", "<5", ">5", "^6", "*^7", ".2", "8.1", "-<4", "0>4"]
for v in strs:
    print(repr(v), [format(v, s) for s in sspecs])
print(format(True), format(False, ""), format(True, "d"), format(True, "^5"), format(False, "x"), format(True, ".2f"))
print(format(3), format(2.5), format("s"), format(None), format([1]), format((1, 2), ""), format(12, "")+"|")
x, w, p = 2.718281828, 12, 3
print(f"{x:.{p}f}|{x:{w}.{p}f}|{x!r:>{w}}|{'s':{'^'}{w}}|{42:#x}|{-42:_d}|{10**9:,}")
print(f"{1e16}", f"{0.1 + 0.2}", f"{1e-5}", f"{-0.0}", f"{2**63}", f"{True}", f"{None!r}")
class I(int):
    pass
class Fl(float):
    pass
class St(str):
    pass
print(format(I(5), "03d"), format(I(5), ""), format(Fl(1.25), ".1f"), format(Fl(2.0)), format(St("ab"), ">4"), format(St("q")))
print((5).__format__("x"), (2.5).__format__(".2e"), "ab".__format__("^6"), True.__format__("d"), (5).__format__(""))
print(format(2**100, "x"), format(-2**100, ","), format(12345678901234567890, "e"), format(255, "c"), format(0x1F600, "c"))
