# hasattr/getattr/setattr/delattr with defaults; isinstance/issubclass; callable; vars; dir.
class Conf:
    debug = False
    def __init__(self):
        self.level = 3

c = Conf()
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "dflt"), getattr(Conf, "debug"))
print(hasattr(c, "level"), hasattr(c, "nope"), hasattr(Conf, "level"), hasattr("s", "upper"))
setattr(c, "level", 5)
setattr(c, "new", [1])
print(c.level, c.new, vars(c))
delattr(c, "new")
print(vars(c), hasattr(c, "new"))
print(getattr("abc", "upper")(), getattr([1, 2], "__len__")())
try:
    getattr(c, "x")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
print("level" in dir(c), "debug" in dir(c), "__init__" in dir(Conf))
print(isinstance(c, Conf), isinstance(c, (int, Conf)), issubclass(Conf, object))
print(callable(c), callable(Conf), callable(getattr), callable(c.__init__))
names = ["alpha", "beta"]
for n in names:
    setattr(Conf, n, n * 2)
print(c.alpha, Conf.beta)
