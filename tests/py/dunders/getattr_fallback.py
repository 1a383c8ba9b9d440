# __getattr__ is only called when normal lookup fails; __getattribute__ and __setattr__.
class Proxy:
    def __init__(self, target):
        self.target = target
        self.misses = []
    def __getattr__(self, name):
        self.misses.append(name)
        return getattr(self.target, name)

class Target:
    color = "red"
    def hello(self):
        return "hello from target"

p = Proxy(Target())
print(p.color, p.hello(), p.target.color)
print(p.misses)
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(p.misses)

class Defaults:
    x = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:] * 2
        raise AttributeError("no " + name)
d = Defaults()
print(d.x, d.auto_ab, getattr(d, "auto_z"), hasattr(d, "auto_q"), hasattr(d, "zzz"))
d.auto_ab = "set"
print(d.auto_ab)

class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
l.b = 2
l.a += 1
del l.b
print(l.a, l.log)

class Upper:
    def __init__(self):
        self.name = "krait"
    def __getattribute__(self, name):
        v = object.__getattribute__(self, name)
        return v.upper() if isinstance(v, str) else v
print(Upper().name)
