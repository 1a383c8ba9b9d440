# Basic integer arithmetic and operator precedence.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a / b)
print(-a, +a, -(-a))
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 - 3 - 2, 100 // 10 // 3, 2 * 3 % 4)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(abs(-7), abs(0), abs(7))
x = 0
for i in range(1, 11):
    x = x * 3 + i
    print(i, x)
print(int(True) + True, True + True, False * 10)
print(7 == 7, 7 != 8, 3 < 4, 4 <= 4, 5 > 6, 6 >= 7)
print(0 == -0, 1 - 1 == 0)
print(type(7 // 2).__name__, type(7 / 2).__name__, type(7 % 2).__name__)
