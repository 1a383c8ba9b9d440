# del on names, list items, dict keys, attributes and slices.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1], lst[1]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class P:
    pass
p = P()
p.a = 1
p.b = 2
del p.a
print(hasattr(p, "a"), hasattr(p, "b"))
try:
    del p.a
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "Unbound: " + str(e)
print(f())
