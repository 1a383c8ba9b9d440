# list.pop() compiled: items of changing types, an emptied list (IndexError with the
# right line), a list subclass, and pops inside methods called from compiled code.
def drain(items):
    total = 0
    kinds = []
    while items:
        x = items.pop()
        if isinstance(x, int):
            total += x
        else:
            kinds.append(type(x).__name__)
    return total, kinds[:6], len(kinds)


print(drain(list(range(3000))))
print(drain([1, 2.5, "s", None, (1,)] * 400 + list(range(500))))


class Stack(list):
    def top(self):
        return self[-1]


s = Stack(range(100))
acc = 0
for _ in range(90):
    acc += s.pop()
print(acc, len(s), s.top())


class Heap:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()


h = Heap()
t = 0
for i in range(2000):
    h.push(i)
    h.push(i * 2)
    t += h.pop()
print(t, len(h.items))


def too_many(n):
    l = list(range(n - 1))
    c = 0
    for _ in range(n):
        c += l.pop()
    return c


try:
    too_many(800)
except IndexError as e:
    print("IndexError:", e)
