# Operands switch from built-in types to instances with dunder methods (and int/float
# subclasses) after the loop is hot: a trace specialised on ints must not keep using
# machine arithmetic, comparisons, truth tests, hashing or len.

class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o * 100))
    def __radd__(self, o):
        return Money(self.c + o * 100)
    def __sub__(self, o):
        return Money(self.c - (o.c if isinstance(o, Money) else o * 100))
    def __mul__(self, k):
        return Money(self.c * k)
    def __lt__(self, o):
        return self.c < (o.c if isinstance(o, Money) else o * 100)
    def __eq__(self, o):
        return isinstance(o, Money) and self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def __bool__(self):
        return self.c != 0
    def __repr__(self):
        return "Money(%d)" % self.c

def arith_switch(n):
    acc = 0
    for i in range(n):
        if i == 2000:
            acc = Money(acc)      # the accumulator becomes an object
        acc = acc + 1
        acc = acc * 1
        if i > 2500:
            acc = 3 + acc         # __radd__
        acc = acc - 1
    return acc
print("arith switch", arith_switch(4000))

def compare_switch(n):
    vals = list(range(10))
    c = 0
    for i in range(n):
        if i == 1500:
            vals = [Money(v * 50) for v in range(10)]
        v = vals[i % 10]
        if v < 3:
            c += 1
        if v:
            c += 10
    return c
print("compare switch", compare_switch(3000))

class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 1000)
    def __repr__(self):
        return "MyInt(%d)" % int(self)

class MyFloat(float):
    def __mul__(self, o):
        return MyFloat(float(self) * o * 2)

def subclass_switch(n):
    x = 0
    f = 1.0
    for i in range(n):
        if i == 1700:
            x = MyInt(x)
            f = MyFloat(1.0)
        x = x + 1
        f = f * 1.0
        if f > 1e10:
            f = MyFloat(1.0) if isinstance(f, MyFloat) else 1.0
    return x, type(x).__name__, f, type(f).__name__
print("subclass", subclass_switch(3000))

class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i

def index_switch(n):
    xs = list(range(20))
    s = 0
    for i in range(n):
        k = i % 20 if i < 2000 else Idx(i % 20)
        s += xs[k] + ord("abcdefghijklmnopqrst"[k]) + len(range(k)) + (xs * 2)[k]
    return s
print("index switch", index_switch(3000))

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __iter__(self):
        return iter(range(self.n))
    def __contains__(self, x):
        return x == -1

def len_switch(n):
    s = 0
    obj = [1, 2, 3]
    for i in range(n):
        if i == 1200:
            obj = (1, -1, 5, 6)
        if i == 2400:
            obj = Sized(7)
        s += len(obj) + (-1 in obj) * 100 + (1 in obj)
        if obj:
            s += 1
    return s
print("len switch", len_switch(3600))

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return self.k % 5
    def __eq__(self, o):
        return isinstance(o, Key) and o.k == self.k or o == self.k

def hash_switch(n):
    d = {}
    for i in range(n):
        k = i % 50 if i < 2000 else Key(i % 50)
        d[k] = d.get(k, 0) + 1
    return len(d), sorted(v for v in d.values())[-3:]
print("hash switch", hash_switch(3000))

class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return NotImplemented
    def __gt__(self, o):
        return self.v > (o.v if isinstance(o, Cmp) else o)

def reflected_compare(n):
    c = 0
    for i in range(n):
        a = i % 10
        b = Cmp(5) if i > 1500 else 5
        if a < b:          # int.__lt__ -> NotImplemented -> Cmp.__gt__
            c += 1
    return c
print("reflected", reflected_compare(3000))

class Counter:
    calls = 0
    def __iadd__(self, o):
        Counter.calls += 1
        return self
def iadd_switch(n):
    x = 0
    for i in range(n):
        if i == 2222:
            x = Counter()
        x += 1
    return Counter.calls, x.__class__.__name__
print("iadd", iadd_switch(3000))

def bool_int(n):
    s = 0
    t = True
    for i in range(n):
        s += t            # bool is an int subclass
        t = not t if i % 3 else t
        s += (i > 1000) * 2 + True * False
    return s, True + True, type(True + 1).__name__, True & 3, ~True
print("bool int", bool_int(3000))

# module level: operands become objects mid-loop
macc = 0
for i in range(3000):
    if i == 2000:
        macc = Money(macc)
    macc = macc + 2
print("module", macc)
