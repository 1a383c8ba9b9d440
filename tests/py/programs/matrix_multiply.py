# Matrix multiplication, transpose, identity and powers with nested lists.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    assert len(a[0]) == m
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]

def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]

def transpose(a):
    return [list(r) for r in zip(*a)]

def matpow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result

def show(m):
    for row in m:
        print(" ".join("%6s" % v for v in row))
    print()

A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
show(matmul(A, B))
show(matmul(B, A))
show(transpose(A))
show(matmul(identity(3), B))
fib = [[1, 1], [1, 0]]
print(matpow(fib, 10)[0][1], matpow(fib, 90)[0][1], matpow(fib, 200)[0][1])
M = [[(i * 7 + j * 3) % 10 for j in range(12)] for i in range(12)]
P = matmul(M, transpose(M))
print(sum(map(sum, P)), P[0][:6], P[11][11])
F = [[0.5, 0.25], [0.125, 1.0]]
show(matmul(F, F))
