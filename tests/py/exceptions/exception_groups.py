# ExceptionGroup and BaseExceptionGroup: construction, attributes, str/repr, subgroup,
# split, derive, raising and catching.
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2), ValueError(3)])
print(eg)
print(repr(eg))
print(eg.message, eg.exceptions, eg.args)
print(type(eg).__mro__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print(eg.split((TypeError, ValueError)))
print(eg.subgroup(ExceptionGroup) is eg)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
print(repr(nested.subgroup(ValueError)))
m, r = nested.split(TypeError)
print(repr(m), repr(r))
print(repr(nested.derive([KeyError("k")])))
try:
    raise eg
except ExceptionGroup as e:
    print("caught", e is eg, e.exceptions)
try:
    raise ExceptionGroup("one", [OSError("x")])
except Exception as e:
    print("caught as Exception:", type(e).__name__, e)
beg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(beg), repr(beg), str(beg), isinstance(beg, Exception))
print(type(BaseExceptionGroup("b", [ValueError()])))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    raise BaseExceptionGroup("bb", [SystemExit(2), ValueError()])
except BaseExceptionGroup as e:
    m, r = e.split(SystemExit)
    print(repr(m), repr(r))


class MyGroup(ExceptionGroup):
    pass


g = MyGroup("mine", [ValueError(1), TypeError(2)])
print(repr(g), type(g.subgroup(ValueError)).__name__)
for args in [("m", []), ("m", {1}), (1, [ValueError()]), ("m", [1]), ("m",), ("m", [ValueError()], 3)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for cls in (ExceptionGroup, MyGroup):
    try:
        cls("m", [KeyboardInterrupt()])
    except TypeError as e:
        print(e)
try:
    eg.split(3)
except TypeError as e:
    print(e)
e2 = eg.subgroup(ValueError)
print(e2.__cause__, e2.__context__)
