# Errors of str.format, format_map and format(), with CPython's messages.
def check(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for fmt in ["{", "}", "a{", "a}b", "{0", "{0:", "{0!", "{0!r", "{0!x}", "{0!}", "{0!rr}", "{0[}", "{0[0}", "{0]}",
            "{0.}", "{0[]}", "{0.a!r}", "{0[0]x}", "{:{:{}}}", "{x", "{{}", "{0}{}", "{}{0}", "{1}", "{2}", "{x}",
            "{0.nope}", "{0[5]}", "{0[a]}", "{a{b}}", "{!r}", "{:d}", "{:s}", "{0:,s}", "{:=}", "{0:x<z}", "{99999999999999999999999}"]:
    check(fmt.format, 1)
check("{0:{1}}".format, 1)
check("{a}".format_map, 1)
check("{}".format_map, {})
check("{0}".format_map, {"0": 1})
check("{x}".format_map, {})
check("{a.b}".format_map, {"a": 1})
check(format, 1, 2)
check(format, 1, "y")
check(format, "a", "d")
check(format, [], "x")
check(format, 1.5, "d")
check(format, True, "s")
check(format, 1, "abc")
check(format, 1, "==5")
check(format, 1.5, ",_")
check(format, "x", "+")
check(format, "x", "=5")
check(format, "x", "#")
check(format, 2**200, "c")
check(format, 1, ".2d")
check(format, 5, "z")
check(format, 5)
check(format)
class Bad:
    def __format__(self, spec):
        return 42
check(format, Bad(), "")
check("{}".format, Bad())
class Raises:
    def __format__(self, spec):
        raise RuntimeError("boom " + spec)
check("{0:xy}".format, Raises())
check((1).__format__, 2)
check("a".format_map)
