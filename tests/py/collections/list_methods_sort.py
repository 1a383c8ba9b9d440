# list.sort: key functions, reverse, stability and the list being empty while sorted.
data = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
s = data.copy()
s.sort(key=lambda p: p[0])
print(s)
s = data.copy()
s.sort(key=lambda p: p[0], reverse=True)
print(s)
s = data.copy()
s.sort(reverse=True)
print(s)
s = data.copy()
s.sort(key=None, reverse=False)
print(s)
words = ["Banana", "apple", "cherry", "Apple", "banana"]
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
r = [3, 1, 2]
r.sort(reverse=1)
print(r)
r.sort(reverse=0)
print(r)
try:
    r.sort(reverse="yes")
except TypeError as e:
    print(e)
lst = [5, 3, 4]
seen = []
def key(x):
    seen.append(len(lst))
    return -x
lst.sort(key=key)
print(lst, seen)
lst = [3, 1, 2]
def grow(x):
    lst.append(x)
    return x
try:
    lst.sort(key=grow)
except ValueError as e:
    print("ValueError:", e)
print(lst)
lst = [3, 1, 2]
def boom(x):
    if x == 1:
        raise KeyError(x)
    return x
try:
    lst.sort(key=boom)
except KeyError as e:
    print("KeyError:", e)
print(lst)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "K(%d)" % self.v
ks = [K(3), K(1), K(2), K(1)]
ks.sort()
print(ks)
ks.sort(reverse=True)
print(ks)
mixed = [3, 1.5, 2, -1, 0.5]
mixed.sort()
print(mixed)
big = list(range(50, 0, -3))
big.sort()
print(big)
strs = ["b", "a", "c"]
print(sorted(strs), strs.sort(), strs)
class L(list):
    pass
sub = L([3, 1, 2])
sub.sort()
print(sub, type(sub).__name__)
