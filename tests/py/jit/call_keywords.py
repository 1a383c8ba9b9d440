# Calls of plain functions with keyword arguments run as frames of the dispatch loop and
# are inlined by traces: arguments put in parameter order, defaults for the rest, and
# the errors bind_args reports (unknown or repeated names, missing arguments).

def box(x, y=0.0, z=1.0, label="b"):
    return (x + y) * z, label

def run_box(n):
    t = 0.0
    labels = []
    for i in range(n):
        a, l1 = box(i, z=2.0)
        b, l2 = box(y=i, x=1.0)
        c, l3 = box(i, 0.5, label="c" if i % 3 else "d")
        t += a + b + c
        if i % 1000 == 0:
            labels.append(l1 + l2 + l3)
    return t, labels
print("box", run_box(4000))

def errors():
    out = []
    for call in [lambda: box(1, x=2), lambda: box(1, w=2), lambda: box(y=2),
                 lambda: box(1, 2, 3, "q", label="r"), lambda: box(*[1], **{"z": 5})]:
        try:
            out.append(call())
        except TypeError as e:
            out.append(str(e))
    return out
print("errors", errors())

def run_changing(n):
    def f(a, b=1, c=2):
        return a * b + c
    t = 0
    for i in range(n):
        if i == n // 2:
            f.__defaults__ = (10, 20)
        t += f(c=i, a=2)
    return t
print("changing", run_changing(3000))

def run_closure(n):
    k = 7
    def g(a, b):
        return a - b + k
    return sum(g(b=i, a=2 * i) for i in range(n))
print("closure", run_closure(3000))

def run_raising(n):
    def h(a, b):
        return a // b
    t = 0
    try:
        for i in range(n):
            t += h(b=n - 10 - i, a=i)
    except ZeroDivisionError as e:
        return t, str(e)
    return t
print("raising", run_raising(3000))

class Acc:
    def __init__(self):
        self.total = 0
    def add(self, x, scale=1, offset=0):
        self.total += x * scale + offset
        return self.total

def run_methods(n):
    a = Acc()
    add = a.add
    for i in range(n):
        a.add(i, offset=1)
        add(scale=2, x=i)
    errors = []
    for call in [lambda: a.add(self=1, x=2), lambda: a.add(1, x=2), lambda: add(q=1)]:
        try:
            call()
        except TypeError as e:
            errors.append(str(e))
    return a.total, errors
print("methods", run_methods(3000))
