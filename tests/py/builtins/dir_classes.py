# dir() of classes, instances and built-in values lists what CPython lists, and every
# name it lists can be read.


class C:
    x = 1

    def m(self):
        return 2


class D(C):
    __slots__ = ()


print(dir(C))
print(dir(C()))
print(dir(object()))
print(dir(1))
print(sorted(set(dir(D)) - set(dir(C))))
for obj in (C, C(), object(), 1, 2.5, True, None):
    missing = [n for n in dir(obj) if not hasattr(obj, n)]
    print(type(obj).__name__, missing)
c = C()
print(c.__doc__, C.__doc__, c.__weakref__, c.__module__)
print(object().__lt__(1), C().__ge__(C()), C.__subclasshook__(int))
print(c.__getstate__(), c.__sizeof__(), object().__sizeof__())
c.y = 5
print(c.__getstate__())
print(c.__reduce_ex__(4)[1:], c.__reduce__()[2])
try:
    object() < object()
except TypeError as e:
    print(e)
