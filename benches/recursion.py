# Recursion: naive recursive Fibonacci, the binary-trees workload (build complete
# binary trees of tuples and of class instances, walk them recursively), and a
# recursive expression-tree evaluator. Deep and wide Python-to-Python calls.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


class Node:
    def __init__(self, op, left=None, right=None, value=0):
        self.op = op
        self.left = left
        self.right = right
        self.value = value

    def evaluate(self):
        if self.op == "num":
            return self.value
        a = self.left.evaluate()
        b = self.right.evaluate()
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        return (a * b) % 1000003

    def depth(self):
        if self.op == "num":
            return 1
        return 1 + max(self.left.depth(), self.right.depth())


def build_expr(depth, seed):
    if depth == 0 or seed % 7 == 0:
        return Node("num", value=seed % 100)
    op = "+-*"[seed % 3]
    return Node(op, build_expr(depth - 1, (seed * 31 + 7) % 10007), build_expr(depth - 1, (seed * 17 + 3) % 10007))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def main(fib_n, tree_depth):
    print("fib", fib_n, fib(fib_n))
    long_lived = make_tree(tree_depth)
    total = 0
    for d in range(4, tree_depth + 1, 2):
        iterations = 2 ** (tree_depth - d + 4)
        check = 0
        for _ in range(iterations):
            check += check_tree(make_tree(d))
        print("trees of depth", d, "x", iterations, "check", check)
        total += check
    print("long lived", check_tree(long_lived), "total", total)
    expr = build_expr(tree_depth + 4, 12345)
    print("expr", expr.evaluate(), "depth", expr.depth())
    print("ackermann", ackermann(2, 300), ackermann(3, 5))


if sys.argv[-1] == "quick":
    main(18, 8)
elif len(sys.argv) > 1:
    main(int(sys.argv[1]), 15)
else:
    main(30, 15)
