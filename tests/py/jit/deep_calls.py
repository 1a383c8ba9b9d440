# Calls 4-6 levels deep inside hot loops: plain functions, methods, bound methods,
# closures, __init__ of a class constructed in the loop, default and keyword args,
# *args/**kwargs, and a callee whose behaviour changes part-way through.

def l6(x):
    return x + 1
def l5(x):
    return l6(x) * 2
def l4(x, k=3):
    return l5(x) - k
def l3(x, *, scale=1):
    return l4(x) * scale + l4(x, k=0)
def l2(x):
    return l3(x, scale=2) if x % 2 else l3(x)
def l1(x):
    return l2(x) + l6(x)

def run_plain(n):
    s = 0
    for i in range(n):
        s += l1(i)
    return s
print("plain", run_plain(3000))

class Vec:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def scaled(self, k):
        return Vec(self.x * k, self.y * k)
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def step(self, i):
        return self.add(Vec(i, -i).scaled(2)).norm1()

def run_methods(n):
    v = Vec(1, 2)
    total = 0
    for i in range(n):
        w = Vec(i, y=i % 5)       # __init__ in the loop, keyword arg
        total += w.step(i) + v.step(-i)
    return total
print("methods", run_methods(3000))

def run_bound(n):
    v = Vec(3, 4)
    f = v.step          # bound method object hoisted out of the loop
    g = Vec.norm1       # plain function from the class
    total = 0
    for i in range(n):
        total += f(i) + g(v)
        if i == 2000:
            v.x = 100   # the bound method's self changes state
    return total
print("bound", run_bound(3000))

def make_counter(start):
    count = start
    def inc(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    return inc, get

def make_adder(k):
    def add(x):
        return x + k
    def twice(x):
        return add(add(x))
    def thrice(x):
        return add(twice(x))
    return thrice

def run_closures(n):
    inc, get = make_counter(10)
    add3 = make_adder(3)
    s = 0
    for i in range(n):
        inc()
        if i % 3 == 0:
            inc(by=i)
        s += add3(i) + get() % 7
    return s, get()
print("closures", run_closures(3000))

def kw(a, b=2, *args, c=3, d=4, **kw):
    return a + b * 10 + sum(args) * 100 + c * 1000 + d * 10000 + sum(kw.values()) * 100000

def run_kwargs(n):
    s = 0
    for i in range(n):
        m = i % 6
        if m == 0:
            s += kw(i)
        elif m == 1:
            s += kw(i, 5)
        elif m == 2:
            s += kw(i, 5, 6, 7)
        elif m == 3:
            s += kw(a=i, d=1)
        elif m == 4:
            s += kw(i, c=9, e=1, f=2)
        else:
            s += kw(*(i, 1, 2), **{"d": 2, "g": 3})
    return s
print("kwargs", run_kwargs(3000))

def default_mutable(x, acc=[]):
    acc.append(x)
    return len(acc)
def run_default_mutable(n):
    r = 0
    for i in range(n):
        r = default_mutable(i)
    return r
print("default mutable", run_default_mutable(2500), run_default_mutable(2500))

class Node:
    count = 0
    def __init__(self, val, parent=None):
        Node.count += 1
        self.val = val
        self.parent = parent
        self.depth = 0 if parent is None else parent.depth + 1
    def root_val(self):
        return self.val if self.parent is None else self.parent.root_val()

def run_chain(n):
    s = 0
    for i in range(n):
        a = Node(i)
        b = Node(i + 1, a)
        c = Node(i + 2, parent=b)
        d = Node(i + 3, c)
        e = Node(i + 4, d)
        s += e.root_val() + e.depth
    return s, Node.count
print("chain", run_chain(3000))

def callee_v1(x):
    return x * 2
def callee_v2(x):
    return x * 3

def via(f, x):
    return f(x) + 1

def run_callee_switch(n):
    global callee
    callee = callee_v1
    s = 0
    for i in range(n):
        if i == 1700:
            callee = callee_v2
        s += via(callee, i) + helper(i)
    return s
def helper(i):
    return callee(i) - i
print("callee switch", run_callee_switch(3000))

# a function whose __code__-level behaviour is the same but is redefined mid-loop
def run_redefine(n):
    global target
    s = 0
    for i in range(n):
        if i == 1200:
            def target(x):
                return -x
        s += target(i)
    return s
def target(x):
    return x
print("redefine", run_redefine(3000))

# lambdas and builtins as callees, map/filter in a loop
def run_lambdas(n):
    fs = [lambda x: x + 1, lambda x: x * 2, abs, lambda x, y=5: x - y, str]
    s = 0
    for i in range(n):
        r = fs[i % 5](i - 1500)
        s += r if isinstance(r, int) else len(r)
    return s
print("lambdas", run_lambdas(3000))

# recursion-free deep stack through staticmethod/classmethod/property
class K:
    base = 7
    @staticmethod
    def s(x):
        return x + 1
    @classmethod
    def c(cls, x):
        return cls.s(x) * cls.base
    @property
    def p(self):
        return self.c(self.v)
    def __init__(self, v):
        self.v = v
class K2(K):
    base = 11
def run_descriptors(n):
    s = 0
    for i in range(n):
        k = K(i) if i % 3 else K2(i)
        s += k.p + K.c(i) + K2.s(i)
    return s
print("descriptors", run_descriptors(3000))
