# __init_subclass__ as an implicit classmethod with class keywords; __class__ of inline
# values; built-in iterator types cannot be instantiated; slice deletion.
class Plugin:
    registry = []
    def __init_subclass__(cls, kind="plain", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Plugin.registry.append(cls.__name__)

class A(Plugin, kind="fancy"):
    pass

class B(A):
    pass

print(Plugin.registry, A.kind, B.kind)
try:
    class C(object, flavour=1):
        pass
except TypeError as e:
    print("TypeError:", e)

print((1).__class__, (2.5).__class__, (True).__class__, None.__class__)
try:
    type(iter([]))()
except TypeError as e:
    print("TypeError:", e.args[0].startswith("cannot create"))

l = list(range(12))
del l[2:5]
print(l)
del l[::3]
print(l)
del l[-2:]
print(l)
del l[::-2]
print(l)
