# *args and **kwargs collection and forwarding.
def show(*args, **kwargs):
    print("args", args, "kwargs", kwargs)

show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "two", x=[3], y=None)
show(*[1, 2], *(3,), **{"k": "v"}, z=0)

def total(first, *rest):
    s = first
    for r in rest:
        s += r
    return s
print(total(1), total(1, 2, 3), total("a", "b", "c"), total([1], [2]))

def wrapper(*args, **kwargs):
    return inner(*args, **kwargs)
def inner(a, b, c=0, **extra):
    return a + b + c + len(extra)
print(wrapper(1, 2), wrapper(1, 2, 3), wrapper(1, b=5, c=1, q=9, r=8))

def describe(**info):
    for k, v in info.items():
        print(" ", k, "=", v)
describe(name="krait", lang="rust", version=0)

def mixed(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
