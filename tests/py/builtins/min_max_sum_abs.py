# min/max with key/default, sum with start, abs.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min((9, 8), (9, 7)))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len))
print(max([], default="empty"), min([], default=None), max([5], default=0))
print(max([1, -5, 3], key=abs), min([1, -5, 3], key=lambda x: -x))
print(max([(1, "b"), (1, "a"), (0, "z")]), max([2, 2.0]), max([2.0, 2]))
print(max([3, 1, 3], key=lambda x: 0), min("a", "b", key=str.upper))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([], 5), sum(range(5), start=100))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(-(10 ** 30)), abs(True))
print(divmod(7, 3), pow(2, 5), round(3.14159, 2), round(-0.5), round(0.5001))
data = [{"n": "a", "v": 3}, {"n": "b", "v": 9}, {"n": "c", "v": 1}]
print(max(data, key=lambda d: d["v"])["n"], min(data, key=lambda d: d["v"])["n"])
