# Assignment targets: subscripts of subscripts, attributes of attributes, loops.
class Node:
    def __init__(self):
        self.child = None
        self.data = {}

root = Node()
root.child = Node()
root.child.child = Node()
root.child.child.data["k"] = [1, 2, 3]
root.child.child.data["k"][0] = "first"
print(root.child.child.data)

grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    grid[i][i] = 1
    grid[i][2 - i] += 2
print(grid)

shared = [[0] * 3] * 2
shared[0][0] = 9
print(shared)

d = {}
for i, d[i] in enumerate("abc"):
    pass
print(d)

obj = Node()
for obj.data in [1, 2, 3]:
    pass
print(obj.data)

counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)

x = [1, 2, 3]
x[1:2] = x
print(x)
