# Closures capture variables, not values: late binding in loops.
fns = []
for i in range(4):
    fns.append(lambda: i * 10)
print([f() for f in fns])
i = 100
print([f() for f in fns])

def make():
    out = []
    for j in range(3):
        def show():
            return j
        out.append(show)
    j = "final"
    return out
print([f() for f in make()])

def make_bound():
    return [lambda j=j: j for j in range(3)]
print([f() for f in make_bound()])

def make_factory():
    def factory(k):
        return lambda: k
    return [factory(k) for k in range(3)]
print([f() for f in make_factory()])

def shared_cell():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = shared_cell()
print(g())
s(42)
print(g())
gens = [(lambda: n) for n in "abc"]
print([f() for f in gens])
