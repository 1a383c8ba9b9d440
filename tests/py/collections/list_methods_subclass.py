# Subclasses of list: construction, methods, operators and repr.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), s, type(s).__name__)
print(isinstance(s, list), s == [1, 2], [1, 2] == s, s != [1], s < [1, 3], list(s), s[::-1], 2 in s)
t = s + [9]
print(t, type(t).__name__)
u = s
s += [7, 8]
print(s, u is s, type(s).__name__)
s *= 2
print(s, type(s).__name__)
s[0] = 100
del s[1]
print(s, s[1:3], s.index(7), s.count(7))
s.extend("ab")
s.insert(0, "z")
s.remove(100)
s.reverse()
print(s)
s.clear()
print(s, len(s), not s)
class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name
n = Named("nums", (x * x for x in range(4)))
print(n.name, n, sorted(n, reverse=True), [x + 1 for x in n])
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
g = Logged()
g.append(1)
g.append(2)
print(g)
try:
    hash(g)
except TypeError as e:
    print(e)
class Rev(list):
    def __iter__(self):
        return iter(sorted(list.__iter__(self), reverse=True))
rv = Rev([1, 3, 2])
print(list(rv), [x for x in rv], list.__len__(rv))
rec = Stack()
rec.append(rec)
print(rec)
print(list.__repr__(Stack([1, "a"])), repr(Stack()))
e = Stack()
e.__init__([5, 6])
print(e)
