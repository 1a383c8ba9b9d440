# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x, y=1):
        self.calls += 1
        return x * self.k * y

triple = Multiplier(3)
print(triple(5), triple(2, y=10), triple.calls, callable(triple))
print(list(map(triple, [1, 2, 3])))

class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values, **named):
        self.total += sum(values) + sum(named.values())
        return self
acc = Accumulator()
acc(1, 2)(3)(a=4, b=5)
print(acc.total)

class Chain:
    def __init__(self, path=""):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + "/" + name)
    def __call__(self):
        return "GET " + self.path
print(Chain().users.bob.posts())
print(callable(Chain), callable(Chain()), callable(object()))
