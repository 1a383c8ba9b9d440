# sorted() with key and reverse; stability; reversed().
nums = [5, 2, 9, 1, 5, 6]
print(sorted(nums), sorted(nums, reverse=True), nums)
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
recs = [("a", 2), ("b", 1), ("c", 2), ("d", 1), ("e", 3)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted("hello"), sorted((3, 1, 2)), sorted({2: "x", 1: "y"}), sorted(range(5, 0, -1)))
print(list(reversed(nums)), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(sorted([3.5, -1, 2, 0.0, -2.5]), sorted([True, False, 0, 1, -1]))
print(sorted([[2, 1], [1, 2], [1], []]), sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
lst = [3, 1, 2]
lst.sort(key=lambda x: -x)
print(lst)
