# string.Formatter: format, vformat, parse, get_field and overridable hooks.
import string

fm = string.Formatter()
print(fm.format("{0}-{1:>5}-{x!r}", 1, "ab", x="q"), fm.vformat("{a}", (), {"a": 3}))
print(fm.format("{:{w}.{p}f}", 3.14159, w=10, p=2), fm.format("{0.real} {1[0]} {d[k]}", 3, [9], d={"k": "v"}))
print(fm.format("{} and {}", "x", "y"), fm.format("{{literal}} {0!s:^7}|", "mid"), fm.format("{!a}", "é"))
for s in ["a{{b}}c", "{0}", "x{name!r:>10}y", "{a.b[0]}", "{:{w}.{p}f}", "", "abc", "{}{}", "{0[a]}", "}}", "{!r}"]:
    print(repr(s), list(fm.parse(s)))
for s in ["a{", "a}", "{0!rr}", "{0", "{a[}", "{}{0}", "{0}{}"]:
    try:
        print(fm.format(s, 1))
    except (ValueError, IndexError) as e:
        print(repr(s), type(e).__name__, e)
for name in ["a.", "a[0", "a[0]x"]:
    try:
        fm.get_field(name, (), {"a": [1]})
    except ValueError as e:
        print(repr(name), e)
print(fm.get_field("0[1]", ([5, 6],), {}), fm.get_field("k.imag", (), {"k": 2}))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<%s>" % key
        return super().get_value(key, args, kwargs)


print(Upper().format("{greeting}, {name}! {0:x}", 255, greeting="hi"))


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - used_args
        if unused:
            raise ValueError("unused: %s" % sorted(unused))


try:
    Strict().format("{a}", a=1, b=2)
except ValueError as e:
    print(e)
