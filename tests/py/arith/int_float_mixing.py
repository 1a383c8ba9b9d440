# Mixing ints and floats promotes to float; comparisons work across types.
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 7 // 2.0, 7 % 2.5)
print(type(1 + 2.0).__name__, type(2 * 3).__name__)
print(1 == 1.0, 2 < 2.5, 3 > 2.999, 0 == 0.0, -0.0 == 0)
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e10))
print(float(3), float(-7), float(2 ** 53), float(2 ** 53 + 1))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.23456, 3), round(-1.5), round(7))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(max(1, 2.0), min(1, 1.0), max(1.0, 1), sum([1, 2.5, 3]))
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(abs(-2.5), abs(3))
total = 0
for i in range(10):
    total += i * 0.1
print(total)
print(int(total), round(total, 6))
print(True + 0.5, False * 2.0)
