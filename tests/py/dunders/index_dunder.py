# __index__, __int__, __float__ conversions and comparisons returning non-bools.
class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n

lst = list(range(10))
print(lst[Idx(3)], lst[Idx(-1)], lst[Idx(2):Idx(5)])
print(bin(Idx(5)), hex(Idx(255)), "abc" * Idx(2), range(Idx(4)))

class Num:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
print(int(Num()), float(Num()))

class Cmp:
    def __lt__(self, other):
        return "lt-result"
    def __gt__(self, other):
        return "gt-result"
print(Cmp() < 1, Cmp() > 1, 1 < Cmp(), 1 > Cmp())

class Rev:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def __reversed__(self):
        return iter(self.data[::-1] + ["(custom)"])
print(list(reversed(Rev([1, 2, 3]))))
class NoRev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * i
print(list(reversed(NoRev())))
