# Recursion ~900 levels deep works under the default limit.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(depth(100), depth(500), depth(900))

def sum_list(lst, i=0):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)
print(sum_list(list(range(850))))

def build(n):
    return [] if n == 0 else [build(n - 1)]
def nest_depth(x):
    return 0 if not x else 1 + nest_depth(x[0])
print(nest_depth(build(800)))

class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)
head = None
for i in range(900):
    head = Node(i, head)
print(head.total())

def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)
def mutual_b(n):
    return n if n <= 0 else mutual_a(n - 1)
print(mutual_a(900))
