# Recursion and mutual recursion.
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print([fact(i) for i in range(10)])
print(fact(25))
print([fib(i) for i in range(15)])
print([(n, is_even(n), is_odd(n)) for n in range(6)])
print(is_even(301))

def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    hanoi(n - 1, b, a, c, moves)
moves = []
hanoi(4, "A", "B", "C", moves)
print(len(moves), moves[:5])

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([ackermann(m, n) for m in range(3) for n in range(3)])

def flatten(x):
    if isinstance(x, list):
        out = []
        for y in x:
            out.extend(flatten(y))
        return out
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], [], [[6]]]))

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))
