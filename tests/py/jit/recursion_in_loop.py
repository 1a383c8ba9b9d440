# Recursion inside hot loops: recursive calls of varying depth per iteration, mutual
# recursion, recursion that raises at the bottom, recursion limit hit and caught
# inside a loop, and a recursive function that itself contains a hot loop.
import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fact_loop(n):
    s = 0
    for i in range(n):
        s += fact(i % 25) % 1000003      # crosses into big ints at 21!
    return s
print("fact", fact_loop(3000))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def fib_loop(n):
    return [fib(i % 12) for i in range(n)][-12:], sum(fib(i % 10) for i in range(n))
print("fib", fib_loop(2500))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def mutual(n):
    c = 0
    for i in range(n):
        c += is_even(i % 40)
    return c
print("mutual", mutual(3000))

class Bottom(Exception):
    pass
def dive(depth, limit):
    if depth == limit:
        raise Bottom(depth)
    return dive(depth + 1, limit) + 1

def raising_recursion(n):
    s = 0
    for i in range(n):
        try:
            s += dive(0, 10 + i % 5) if i % 3 else dive(0, 30)
        except Bottom as e:
            s += e.args[0]
    return s
print("raise at bottom", raising_recursion(2500))

def unbounded(n):
    return unbounded(n + 1)

def limit_in_loop(n):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(120)
    hits = 0
    try:
        for i in range(n):
            try:
                unbounded(0)
            except RecursionError as e:
                hits += 1
                msg = str(e)
    finally:
        sys.setrecursionlimit(old)
    return hits, msg
print("recursion limit", limit_in_loop(2100))

def tree_sum(t):
    if isinstance(t, int):
        return t
    total = 0
    for child in t:          # a loop inside the recursion
        total += tree_sum(child)
    return total

def build(depth, width, seed):
    if depth == 0:
        return seed % 17
    return [build(depth - 1, width, seed * 31 + i) for i in range(width)]

def trees(n):
    t = build(6, 4, 1)       # 4096 leaves: the inner loop gets hot
    s = 0
    for i in range(n):
        s += tree_sum(t[i % 4])
    return s, tree_sum(t)
print("trees", trees(40))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
def ack_loop(n):
    s = 0
    for i in range(n):
        s += ackermann(i % 3, i % 4)
    return s
print("ackermann", ack_loop(2500))

def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
def hanoi_loop(k):
    counts = []
    for i in range(k):
        counts.append(len(hanoi(i % 7, "A", "B", "C", [])))
    return sum(counts), hanoi(3, "A", "B", "C", [])
print("hanoi", hanoi_loop(2500))

# module-level loop with recursion, where the recursive function is rebound mid-loop
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
ds = 0
for i in range(3000):
    if i == 2000:
        _old = depth
        def depth(n):
            return 0 if n == 0 else 2 + _old(n - 1)   # new outer, old recursion
    ds += depth(i % 20)
print("module", ds)
