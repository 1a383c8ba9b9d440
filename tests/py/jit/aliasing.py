# Values that look loop-invariant but are changed through an alias or by a callee:
# hoisting (LICM), CSE or store-to-load forwarding across these writes is a miscompile.

def list_alias(n):
    a = [0] * 4
    b = a                      # alias
    s = 0
    for i in range(n):
        x = a[1]
        b[1] = i               # write through the alias
        y = a[1]               # must see the write
        s += y - x
        if i % 1000 == 0:
            b.append(i)        # len(a) changes through the alias
        s += len(a)
    return s, a[:2], len(a)
print("list alias", list_alias(4000))

class Box:
    def __init__(self, v):
        self.v = v

def poke(box, i):
    if i % 3 == 0:
        box.v += 1

def attr_via_callee(n):
    bx = Box(0)
    s = 0
    for i in range(n):
        before = bx.v
        poke(bx, i)            # callee writes the attribute
        s += bx.v - before + bx.v
    return s, bx.v
print("attr via callee", attr_via_callee(4000))

def dict_via_callee(n):
    d = {"k": 0}
    def bump():
        d["k"] += 2
    s = 0
    for i in range(n):
        a = d["k"]
        if i % 2:
            bump()
        s += d["k"] - a
    return s, d
print("dict via callee", dict_via_callee(4000))

def cell_write(n):
    x = 0
    def setx(v):
        nonlocal x
        x = v
    s = 0
    for i in range(n):
        old = x
        if i % 5 == 0:
            setx(i)
        s += x - old
    return s, x
print("cell write", cell_write(4000))

G = 0
def set_global(v):
    global G
    G = v

def global_via_callee(n):
    s = 0
    for i in range(n):
        g0 = G
        if i % 7 == 0:
            set_global(i)
        s += G - g0
    return s, G
print("global via callee", global_via_callee(4000))

def self_referential(n):
    xs = [1, 2, 3]
    xs.append(xs)              # list containing itself
    s = 0
    for i in range(n):
        inner = xs[3]
        inner[0] = i           # same list
        s += xs[0]
    return s, len(xs), xs[3] is xs
print("self ref", self_referential(3000))

def swap_lists(n):
    a = [1] * 5
    b = [2] * 5
    s = 0
    for i in range(n):
        a, b = b, a            # the loop-carried list identity flips every iteration
        a[i % 5] += 1
        s += a[0] + b[0] * 3
    return s, a, b
print("swap", swap_lists(3000))

def iterator_shared(n):
    it = iter(range(n))
    s = 0
    for x in it:
        s += x
        if x % 10 == 0:
            s -= next(it, 0)   # consume from the same iterator inside the loop
    return s
print("shared iterator", iterator_shared(5000))

def float_escapes(n):
    # an accumulator that escapes into a list and is read back every iteration
    acc = 0.5
    hist = []
    for i in range(n):
        acc = acc * 1.0001 + i % 3
        hist.append(acc)
        if i % 2:
            acc = hist[-2]         # roll back to the previous value
    return acc, len(hist), hist[-1], sum(hist[::500])
print("float escapes", float_escapes(4000))

def string_build(n):
    s = ""
    t = s
    for i in range(n):
        s += chr(65 + i % 26)   # immutable: t must keep the old value
        if i == 1000:
            t = s
    return len(s), len(t), s[-5:], t[-3:], s.count("A")
print("string build", string_build(3000))

def tuple_in_loop(n):
    t = (0, 0)
    s = 0
    for i in range(n):
        t = (t[1], t[0] + i)
        s += t[0] - t[1]
    return s, t
print("tuple", tuple_in_loop(3000))

def exception_var_clobber(n):
    e = "outer"
    c = 0
    for i in range(n):
        try:
            if i % 100 == 0:
                raise ValueError(i)
        except ValueError as e:
            c += e.args[0]
        # `e` is deleted at the end of the except block
        c += 1 if "e" in locals() else 0
    return c
print("except var", exception_var_clobber(3000))

# module level: globals written through globals() and read directly
gsum = 0
counter = 0
for i in range(3000):
    globals()["counter"] = i * 2
    gsum += counter
print("module", gsum, counter)
