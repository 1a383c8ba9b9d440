# Creates millions of short-lived objects and reference cycles; krait's tests check
# that this runs in bounded memory (peak RSS), so the collector must reclaim them.
class Node:
    def __init__(self, v):
        self.v = v
        self.other = None

total = 0
for i in range(1500000):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a          # a cycle: only a tracing collector frees it
    lst = [a, b, (i, i + 1), {"k": i}]
    total += lst[0].v + len(lst)
print(total)
