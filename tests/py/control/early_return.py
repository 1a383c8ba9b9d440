# return from inside loops, nested ifs and try blocks.
def first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i, x
    return None

print(first_negative([3, 1, -4, 1, -5]))
print(first_negative([1, 2, 3]))

def search_matrix(m, target):
    for r, row in enumerate(m):
        for c, v in enumerate(row):
            if v == target:
                return (r, c)
    return (-1, -1)

m = [[1, 2], [3, 4], [5, 6]]
for t in [1, 4, 6, 7]:
    print(t, search_matrix(m, t))

def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1
    return 0
print([sign(v) for v in [-3, 0, 2, -0.5, 0.0]])

def no_return():
    x = 1
print(no_return())

def loop_until(limit):
    n = 0
    while True:
        n += 1
        if n * n > limit:
            return n
print(loop_until(50), loop_until(1000))
