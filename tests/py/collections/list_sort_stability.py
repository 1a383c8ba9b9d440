# list.sort in place with key, reverse and stability; sorting mixed numbers.
people = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
people.sort(key=lambda p: p[1], reverse=True)
print(people)
people.sort(key=lambda p: p[0], reverse=True)
people.sort(key=lambda p: p[1])
print(people)
nums = [3, -1, 2.5, 0, -7, 10 ** 20, 1e-3, True]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
words = "delta Alpha charlie bravo Echo".split()
words.sort()
print(words)
words.sort(key=lambda w: w.lower())
print(words)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-5:], big == list(range(1, 1001)))
seq = [(i * 7919) % 101 for i in range(101)]
seq.sort()
print(seq[:10], seq == list(range(101)))
print(sorted([[3, 2], [1], [3, 1], []]))
r = [5, 3, 1]
print(r.sort(), r)
