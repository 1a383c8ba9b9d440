# int(): numbers, strings in every base, bytes, and objects with __int__/__index__.
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

t("empty", lambda: int())
t("int", lambda: int(42))
t("neg", lambda: int(-7))
t("bool", lambda: int(True))
t("big", lambda: int(10 ** 30))
t("float", lambda: int(3.99))
t("negfloat", lambda: int(-3.99))
t("negzero", lambda: int(-0.0))
t("bigfloat", lambda: int(1e20))
t("hugefloat", lambda: int(1.5e300))
t("nan", lambda: int(float("nan")))
t("inf", lambda: int(float("inf")))
t("-inf", lambda: int(float("-inf")))
t("str", lambda: int("123"))
t("spaces", lambda: int("  \t 42 \n"))
t("signs", lambda: (int("+5"), int("-5"), int(" -0 ")))
t("underscores", lambda: int("1_000_000"))
t("bad underscore", lambda: int("1__0"))
t("lead underscore", lambda: int("_1"))
t("trail underscore", lambda: int("1_"))
t("empty str", lambda: int(""))
t("only space", lambda: int("   "))
t("letters", lambda: int("12a"))
t("float str", lambda: int("1.5"))
t("unicode digits", lambda: int("\u0661\u0662\u0663"))
t("long junk", lambda: int("z" * 250))
t("bytes", lambda: int(b"77"))
t("bytes bad", lambda: int(b"7x"))
t("bytearray", lambda: int(bytearray(b" 12 ")))
t("base2", lambda: int("1011", 2))
t("base8", lambda: int("777", 8))
t("base16", lambda: int("ff", 16))
t("base16 upper", lambda: int("FF", 16))
t("base16 prefix", lambda: int("0xff", 16))
t("base36", lambda: int("zz", 36))
t("base kw", lambda: int("101", base=2))
t("base0 hex", lambda: int("0x1F", 0))
t("base0 oct", lambda: int("0o17", 0))
t("base0 bin", lambda: int("0b101", 0))
t("base0 dec", lambda: int("99", 0))
t("base0 zeros", lambda: int("000", 0))
t("base0 leading zero", lambda: int("010", 0))
t("base0 underscore", lambda: int("0x_ff", 0))
t("prefix mismatch", lambda: int("0b12", 2))
t("digit too big", lambda: int("9", 8))
t("bytes base", lambda: int(b"ff", 16))
t("base 1", lambda: int("1", 1))
t("base 37", lambda: int("1", 37))
t("base float", lambda: int("1", 2.0))
t("nonstring base", lambda: int(12, 10))
t("float base", lambda: int(1.5, 10))
t("missing string", lambda: int(base=10))
t("bad kw", lambda: int(x=5))
t("too many", lambda: int("1", 2, 3))
t("list", lambda: int([1]))
t("none", lambda: int(None))
t("big str", lambda: int("9" * 40))
t("neg big str", lambda: int("-" + "1" * 30, 16))


class WithInt:
    def __int__(self):
        return 17


class WithIndex:
    def __index__(self):
        return 23


class WithBoth:
    def __int__(self):
        return 1

    def __index__(self):
        return 2


class BadInt:
    def __int__(self):
        return "nope"


class BadIndex:
    def __index__(self):
        return 1.5


class MyInt(int):
    pass


t("__int__", lambda: int(WithInt()))
t("__index__", lambda: int(WithIndex()))
t("both", lambda: int(WithBoth()))
t("bad __int__", lambda: int(BadInt()))
t("bad __index__", lambda: int(BadIndex()))
t("subclass arg", lambda: int(MyInt(5)))
t("class", lambda: int(int))
print(int.__name__, type(int()).__name__, int("7") + int(b"8"))
