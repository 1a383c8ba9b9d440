# Nested loops three deep, at module level and in functions, with inner loops whose
# trip counts vary (0, 1, many), breaks out of inner loops, and loops whose inner
# loop becomes hot before the outer one.

def three_deep(a, b, c):
    s = 0
    for i in range(a):
        for j in range(b):
            for k in range(c):
                s += (i ^ j) * (k + 1) - (i & k)
    return s
print("3 deep", three_deep(20, 15, 12), three_deep(3, 3, 300), three_deep(300, 3, 3))

def varying_trip(n):
    s = 0
    counts = [0, 0, 0]
    for i in range(n):
        for j in range(i % 4):           # 0..3 inner iterations
            k = 0
            while k < (j * i) % 5:       # inner-most trip count from data
                s += k * j - i % 3
                k += 1
                counts[2] += 1
            counts[1] += 1
        counts[0] += 1
    return s, counts
print("varying", varying_trip(4000))

def inner_break(n):
    found = []
    for i in range(2, n):
        for p in range(2, i):
            if p * p > i:
                found.append(i)
                break
            if i % p == 0:
                break
    return len(found), found[-5:]
print("primes", inner_break(5000))

def matrix_mult(n):
    a = [[(i * n + j) % 7 - 3 for j in range(n)] for i in range(n)]
    b = [[(i + 2 * j) % 5 - 2 for j in range(n)] for i in range(n)]
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for j in range(n):
            s = 0
            for k in range(n):
                s += ai[k] * b[k][j]
            ci[j] = s
    return sum(map(sum, c)), c[0][:5], c[-1][-5:]
print("matmul", matrix_mult(24))

def while_in_for_in_while(n):
    total = 0
    outer = 0
    while outer < n:
        for mid in range(3):
            inner = mid
            while inner < 5:
                total += outer * mid - inner
                inner += 2
        outer += 1
    return total
print("while/for/while", while_in_for_in_while(2500))

def inner_type_change(n):
    s = 0
    for i in range(n):
        acc = 0 if i < n // 2 else 0.0
        for j in range(5):
            acc += j
            for k in range(2):
                acc = acc * 1 + k
        s += acc
    return s
print("inner type change", inner_type_change(2500))

def outer_state_changes(n):
    data = [1, 2, 3]
    s = 0
    for i in range(n):
        if i == n // 2:
            data = [1.5, 2.5, 3.5, 4.5]       # inner loop over a different list
        for x in data:
            for y in data:
                s += x * y
    return s
print("outer state", outer_state_changes(2500))

def comprehension_nests(n):
    grid = [[i * j for j in range(n)] for i in range(n)]
    flat = [v for row in grid for v in row if v % 3 == 0]
    pairs = {(i, j) for i in range(n) for j in range(i) if (i + j) % 7 == 0}
    return len(flat), sum(flat), len(pairs)
print("comprehensions", comprehension_nests(60))

# module-level three-deep loop (globals as loop variables)
mtot = 0
for i in range(15):
    for j in range(15):
        for k in range(15):
            if (i + j + k) % 4 == 0:
                mtot += i * j - k
            elif k > j:
                continue
            else:
                mtot -= 1
print("module 3 deep", mtot)

# module-level loop calling a function with its own nested loop
def row_sum(r, w):
    t = 0
    for c in range(w):
        t += (r * c) % 11
    return t
grand = 0
for r in range(2500):
    grand += row_sum(r, 10)
print("module calls", grand)
