# len() of many things and range() with all step directions.
print(len("abc"), len([1, 2]), len((1,)), len({}), len({1, 2, 2}), len({"a": 1}), len(range(10)))
print(len(""), len("😀é"), len([[]]), len(range(0, 100, 7)), len(range(10, 0, -3)))
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(10, 0, -2)))
print(list(range(5, 5)), list(range(5, 0)), list(range(-3, 3)), list(range(3, -3, -1)))
print(list(range(-1, -10, -3)), list(range(0, -5, -1)))
r = range(1, 20, 4)
print(r, r.start, r.stop, r.step, len(r), r[1], r[-1], r[1:3], list(r[::-1]))
print(5 in r, 6 in r, r.index(13), r.count(9), range(0, 3) == range(3), range(0) == range(2, 2))
print(sum(range(101)), sum(range(10, 0, -1)), max(range(-5, 5)), min(range(3, 9, 2)))
try:
    range(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
big = range(0, 10 ** 12, 3)
print(len(big), big[-1], 999999999999 in big)
for i in range(3, 0, -1):
    print("countdown", i)
