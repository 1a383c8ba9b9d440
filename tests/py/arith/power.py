# Exponentiation: int results, float results for negative exponents, big results.
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 1000, (-1) ** 1001, (-1) ** 1000)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(type(2 ** -1).__name__, type(2 ** 3).__name__)
print(2 ** 63, 2 ** 64, 2 ** 100)
print(3 ** 50)
print(7 ** 77)
print((-3) ** 41)
print(2.0 ** 10, 2 ** 0.5, 4 ** 0.5, 9 ** -0.5)
print(1.5 ** 2, (-1.5) ** 3, 10.0 ** 22, 10.0 ** -5)
print(pow(2, 10), pow(2, 100, 1000), pow(3, 200, 7), pow(5, -1, 7))
print(pow(2.0, 3), pow(-8, 2))
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
n = 1
for i in range(0, 130, 13):
    print(i, 2 ** i)
