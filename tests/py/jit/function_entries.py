# Function entry traces: hot functions called from code the interpreter runs (not from a
# compiled loop) run compiled from their first instruction to their return, through a
# loop trace, or to an instruction they cannot record.
class Acc:
    def __init__(self):
        self.total = 0
        self.log = []

    def add(self, k):
        if k % 4 == 0:
            self.total += k * 2
        elif k % 4 == 1:
            self.total -= 1
        else:
            self.total += 0.5
        return self.total

    def note(self, k):
        if k % 500 == 0:
            self.log.append(k)


def classify(x):
    if isinstance(x, int):
        return "int" if x >= 0 else "neg"
    if isinstance(x, float):
        return "float"
    return type(x).__name__


def summed(xs):
    s = 0
    for x in xs:
        s += x
    return s * 2


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fails_sometimes(k):
    if k == 2900:
        raise ValueError("k is %d" % k)
    return k + 1


a = Acc()
counts = {}
k = 0
while k < 3000:
    a.add(k)
    a.note(k)
    c = classify([k, -k, k * 0.5, "s", None][k % 5])
    counts[c] = counts.get(c, 0) + 1
    k += 1
print(a.total, a.log, sorted(counts.items()))
print(summed(range(100)), summed([0.5] * 10), summed(range(10**6, 10**6 + 3000, 7)))
print(fib(20))
k = 0
try:
    while True:
        k = fails_sometimes(k)
except ValueError as e:
    print("ValueError:", e, k)
