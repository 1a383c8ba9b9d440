# Infinite recursion raises RecursionError, which can be caught; the program continues.
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError caught:", e)

def count_depth():
    n = 0
    def go():
        nonlocal n
        n += 1
        go()
    try:
        go()
    except RecursionError:
        pass
    return n
d = count_depth()
print("depth > 500:", d > 500)

def a(n):
    return b(n + 1)
def b(n):
    return a(n + 1)
try:
    a(0)
except RecursionError:
    print("mutual RecursionError caught")

print(issubclass(RecursionError, RuntimeError))
for i in range(3):
    try:
        forever(0)
    except RuntimeError as e:
        print(i, type(e).__name__)

def small(n):
    return 0 if n == 0 else 1 + small(n - 1)
print("still works:", small(500))
