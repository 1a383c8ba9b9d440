# __iter__ and __next__ for custom iterators and iterables.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)

class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

c = Countdown(5)
print(list(c), list(c))
for x in Countdown(3):
    print("tick", x)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(sum(Countdown(100)), max(Countdown(7)), sorted(Countdown(4)))
a, b, c2 = Countdown(3)
print(a, b, c2)
print([x * y for x in Countdown(3) for y in Countdown(2)])
print(dict(zip(Countdown(3), "abc")))

class Fib:
    def __init__(self):
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r
out = []
for f in Fib():
    if f > 100:
        break
    out.append(f)
print(out)
print(list(enumerate(Countdown(3), 1)))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
