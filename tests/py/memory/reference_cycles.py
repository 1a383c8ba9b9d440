# Creating many reference cycles that only a cycle collector can reclaim.
import gc

class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
        self.prev = None

total = 0
for round_ in range(20):
    nodes = [Node(i + round_) for i in range(2000)]
    for i in range(len(nodes)):
        nodes[i].next = nodes[(i + 1) % len(nodes)]
        nodes[(i + 1) % len(nodes)].prev = nodes[i]
    n = nodes[0]
    s = 0
    for _ in range(len(nodes)):
        s += n.v
        n = n.next
    total += s
    if round_ % 5 == 0:
        print("round", round_, s)
    del nodes, n
print("total", total)

for i in range(200000):
    a = {"self": None}
    a["self"] = a
    b = [a]
    a["b"] = b
    c = Node(i)
    c.next = c
print(type(gc.collect()).__name__)
print("done")
