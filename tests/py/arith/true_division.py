# True division always produces a float.
print(1 / 2, 3 / 3, -7 / 2, 7 / -2)
print(10 / 4, 1 / 3, 2 / 3, 100 / 7)
print(type(4 / 2), 4 / 2)
print(1 / 3 * 3, 0.1 * 3, 1 - 0.9)
print(2 ** 64 / 2, 10 ** 20 / 10 ** 10)
print(1 / 8, 1 / 16, 1 / 1024)
print(22 / 7, 355 / 113)
print(-1 / 3, -0.0 / 1, 0 / -5)
big = 10 ** 30
print(big / 3, big / big)
x = 1.0
for i in range(8):
    x = x / 10
    print(i, x)
