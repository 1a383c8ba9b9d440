# Recursion through methods, __repr__ of deep structures and __eq__ of nested objects.
class Expr:
    pass

class Num(Expr):
    def __init__(self, v):
        self.v = v
    def eval(self):
        return self.v
    def __repr__(self):
        return str(self.v)
    def __eq__(self, other):
        return isinstance(other, Num) and self.v == other.v

class Add(Expr):
    def __init__(self, left, right):
        self.left = left
        self.right = right
    def eval(self):
        return self.left.eval() + self.right.eval()
    def __repr__(self):
        return "(" + repr(self.left) + " + " + repr(self.right) + ")"
    def __eq__(self, other):
        return isinstance(other, Add) and self.left == other.left and self.right == other.right

def chain(n):
    e = Num(0)
    for i in range(1, n + 1):
        e = Add(e, Num(i))
    return e

small = chain(5)
print(small, small.eval())
big = chain(200)
print(big.eval(), len(repr(big)), repr(big)[:30])
print(chain(150) == chain(150), chain(150) == chain(149))
deep = chain(2000)
try:
    deep.eval()
except RecursionError:
    print("RecursionError in eval of 2000-deep tree")
try:
    repr(deep)
except RecursionError:
    print("RecursionError in repr of 2000-deep tree")
try:
    deep == chain(2000)
except RecursionError:
    print("RecursionError in == of 2000-deep trees")
print("recovered:", chain(10).eval())
