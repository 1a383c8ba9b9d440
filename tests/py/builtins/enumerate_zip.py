# enumerate and zip, including start values and uneven lengths.
names = ["ann", "bob", "cy"]
print(list(enumerate(names)))
print(list(enumerate(names, 1)), list(enumerate(names, start=-1)))
for i, n in enumerate("xyz", 10):
    print(i, n)
ages = [30, 25]
print(list(zip(names, ages)))
print(list(zip(names, ages, "ABCD")))
print(list(zip()), list(zip([1, 2])))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip(names, range(3))))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)])
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "end"))
z = zip([1, 2, 3], [4, 5, 6])
print(next(z), list(z))
print(type(enumerate([])).__name__, type(zip()).__name__)
for (i, (a, b)) in enumerate(zip("ab", "cd")):
    print(i, a, b)
print(sum(a * b for a, b in zip(range(5), range(5, 10))))
