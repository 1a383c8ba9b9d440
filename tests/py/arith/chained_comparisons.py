# Chained comparisons evaluate each operand once and short-circuit.
x = 5
print(1 < x < 10, 1 < x > 10, 10 > x > 1, 1 <= 1 < 2 <= 2)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4 < 5)
print(1 == 1.0 == True, 0 == 0.0 == False, 1 != 2 != 1)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(3) < v(2) < v(10))
print(calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None)
print(calls)
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b, a is a)
print(2 in [1, 2, 3] in [[1, 2, 3]], 5 not in [1, 2])
print("abc" < "abd" < "b", (1, 2) < (1, 3) < (2,))
for n in range(-2, 12, 3):
    print(n, 0 <= n < 10, n < 0 or n >= 10)
