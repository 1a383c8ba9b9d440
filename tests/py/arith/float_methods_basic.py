# float methods: is_integer, as_integer_ratio, hex/fromhex, conjugate, real/imag,
# conversions, and the float() constructor.
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for x in [0.0, -0.0, 1.0, -2.5, 0.1, 1e100, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 123.456, 2.0 ** 60]:
    print(repr(x), x.is_integer(), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x, x.conjugate(), x.real, x.imag)
inf, nan = float("inf"), float("nan")
print(inf.is_integer(), nan.is_integer(), inf.hex(), (-inf).hex(), nan.hex(), inf.real, nan.conjugate())
t("ratio inf", lambda: inf.as_integer_ratio())
t("ratio nan", lambda: nan.as_integer_ratio())
for s in ["0x1p0", "0x1.8p1", "-0x1.8p1", " 0X1.0P-2 ", "0x.8", "1", "a", "0xA.8p0", "1p4", "0x1.fffffffffffffp1023",
          "0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x3p-1076",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080000001p0", "inf", "-Infinity",
          "nan", "0x", "0x.p1", "0x1p", "0x1p+", "0x1.2.3", "0x1 p1", "", "0x1_0p0", "0x0p99999999999",
          "0x1p99999999999", "0x1p-99999999999", "+0x10"]:
    t("fromhex " + repr(s), lambda: float.fromhex(s))
t("fromhex int", lambda: float.fromhex(1))
print((2.5).__float__(), (2.5).__int__(), (-2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__(), (2.5).__abs__())
print((2.5).__neg__(), (2.5).__pos__(), (0.0).__bool__(), (2.5).__bool__(), (2.5).__repr__(), (1e16).__repr__())
print((2.5).__hash__() == hash(2.5), (1.0).__hash__(), inf.__hash__(), (2.5).__getnewargs__())
print((1e300).__floor__() == 10 ** 300, type((1e300).__floor__()).__name__, (2.5).__sizeof__())
print(float.__getformat__("double"), float.__getformat__("float"))
t("getformat bad", lambda: float.__getformat__("long"))
t("int nan", lambda: nan.__int__())
t("floor inf", lambda: inf.__floor__())
t("ceil nan", lambda: nan.__ceil__())
t("trunc -inf", lambda: (-inf).__trunc__())
t("hex int", lambda: float.hex(1))
t("is_integer arg", lambda: (1.0).is_integer(1))

# float()
for v in [0, 7, -7, True, 10 ** 20, 2 ** 53 + 1, "1.5", "  -2.5e3 ", "1_000.5", "inf", "-INFINITY", "nan", ".5", "5.",
          "1e500", "-1e-500", b"3.25", bytearray(b"4"), "\u0663.5", 2.5]:
    t("float " + repr(v), lambda: float(v))
for v in ["", " ", "1.5x", "1__0", "_1", "1e", "e5", "0x10", "1.2.3", "in f", b"1.5x", None, [1], 10 ** 400]:
    t("float " + repr(v), lambda: float(v))
t("float()", lambda: float())
t("float 2 args", lambda: float(1, 2))
t("float kw", lambda: float(x=1))


class WithFloat:
    def __float__(self):
        return 2.75


class WithIndex:
    def __index__(self):
        return 9


class BadFloat:
    def __float__(self):
        return 1


class OnlyTrunc:
    def __trunc__(self):
        return 3


t("__float__", lambda: float(WithFloat()))
t("__index__", lambda: float(WithIndex()))
t("bad __float__", lambda: float(BadFloat()))
t("trunc only", lambda: float(OnlyTrunc()))
t("bool()", lambda: bool())
t("bool 0.0", lambda: bool(0.0))
t("bool str", lambda: bool("x"))
t("bool 2", lambda: bool(1, 2))
t("bool kw", lambda: bool(x=1))
