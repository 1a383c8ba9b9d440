# Calls that leave trailing arguments to their defaults are inlined with the defaults as
# constants, under a guard on the defaults tuple: rebinding __defaults__ mid-loop, mutable
# defaults, methods with defaults, exits inside the callee.

def scale(x, k=3, off=0.5):
    if x % 7 == 0:
        return x * k
    return x * k + off

def run_scale(n):
    t = 0.0
    for i in range(n):
        t += scale(i) + scale(i, 2) + scale(i, 1, 0.0)
    return t
print("scale", run_scale(5000))

def acc(x, into=[]):
    into.append(x)
    return len(into)

def run_acc(n):
    last = 0
    for i in range(n):
        last = acc(i)
    return last, len(acc.__defaults__[0])
print("acc", run_acc(3000))

def step(x, d=1):
    return x + d

def run_rebind(n):
    t = 0
    for i in range(n):
        if i == n // 2:
            step.__defaults__ = (100,)
        if i == 3 * n // 4:
            step.__defaults__ = (2.5,)
        t += step(i)
    return t
print("rebind", run_rebind(4000))

def run_removed(n):
    def f(a, b=1):
        return a * b
    t = 0
    try:
        for i in range(n):
            if i == n - 10:
                f.__defaults__ = None
            t += f(i)
    except TypeError as e:
        return t, str(e)
    return t
print("removed", run_removed(3000))

class Vec:
    def __init__(self, x, y=0.0):
        self.x = x
        self.y = y
    def moved(self, dx=1.0, dy=-1.0):
        return Vec(self.x + dx, self.y + dy)

def run_methods(n):
    v = Vec(0.0)
    for i in range(n):
        v = v.moved() if i % 5 else v.moved(0.5)
    return v.x, v.y
print("methods", run_methods(4000))

def run_closure(n):
    base = 10
    def g(x, m=2):
        return x * m + base
    t = 0
    for i in range(n):
        t += g(i) - g(i, 1)
    return t
print("closure", run_closure(3000))
