# A binary search tree with recursive insert, search, traversal and height.
class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        elif key > self.key:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)
    def __contains__(self, key):
        if key == self.key:
            return True
        child = self.left if key < self.key else self.right
        return child is not None and key in child
    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.key
        if self.right:
            yield from self.right.inorder()
    def preorder(self):
        out = [self.key]
        for c in (self.left, self.right):
            if c:
                out += c.preorder()
        return out
    def height(self):
        return 1 + max(self.left.height() if self.left else 0,
                       self.right.height() if self.right else 0)
    def size(self):
        return 1 + (self.left.size() if self.left else 0) + (self.right.size() if self.right else 0)
    def show(self, depth=0):
        if self.right:
            self.right.show(depth + 1)
        print("    " * depth + str(self.key))
        if self.left:
            self.left.show(depth + 1)

keys = [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 10]
t = Tree(keys[0])
for k in keys[1:]:
    t.insert(k)
print(list(t.inorder()))
print(t.preorder())
print(t.height(), t.size(), 45 in t, 46 in t, 10 in t)
t.show()
big = Tree(500)
for i in range(1, 1000):
    big.insert((i * 389) % 1000)
print(big.size(), big.height(), sum(big.inorder()), list(big.inorder())[:10])
