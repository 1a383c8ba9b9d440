# Ordering and equality between numbers of mixed types and big magnitudes.
vals = [3, 2.5, -1, 10 ** 20, -(10 ** 20), 0.0, True, False, 1e20, 7]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(max(vals), min(vals))
print(10 ** 20 == 1e20, 10 ** 20 + 1 == 1e20, 10 ** 20 + 1 > 1e20)
print(2 ** 63 > 2 ** 63 - 1, -(2 ** 63) < -(2 ** 63) + 1)
print(float("inf") > 10 ** 400, float("-inf") < -(10 ** 400))
print(1 < 1.0000001, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print((1, 2.0) == (1.0, 2), [1, 2] < [1, 2, 0], [2] > [1, 99])
for a in [-2, -1.5, 0, 1.5, 2]:
    for b in [-1, 0.0, 1]:
        print(a, b, a < b, a == b, a >= b)
