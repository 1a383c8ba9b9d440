# Many short-lived closures, generators and bound methods.
def make_adder(n):
    return lambda x: x + n

def gen(n):
    for i in range(n):
        yield i * i

class Acc:
    def __init__(self):
        self.v = 0
    def add(self, x):
        self.v += x
        return self.v

total = 0
acc = Acc()
for i in range(100000):
    f = make_adder(i)
    total += f(1)
    m = acc.add
    m(i & 7)
    if i % 10 == 0:
        total += sum(gen(5))
print(total, acc.v)
chk = 0
for i in range(20000):
    g = gen(10)
    next(g)
    chk += next(g)
    g.close()
print(chk)
