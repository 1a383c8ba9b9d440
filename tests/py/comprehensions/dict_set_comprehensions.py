# Dict and set comprehensions.
print({x: x * x for x in range(6)})
print({k: v for k, v in zip("abc", [1, 2, 3])})
d = {"apple": 3, "banana": 0, "cherry": 7}
print({k: v for k, v in d.items() if v})
print({v: k for k, v in d.items()})
print({k.upper(): len(k) for k in d})
print({x % 5 for x in range(100)})
print({abs(x) for x in [-3, -2, -1, 0, 1, 2, 3]})
print(sorted({c for c in "mississippi"}))
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({ch: n for ch, n in counts.items() if n > 1})
inverted = {}
for k, v in counts.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
print({x: [y for y in range(x)] for x in range(4)})
print(len({i: 0 for i in range(1000)}), {0: 1 for _ in range(5)})
print(sorted({n for n in range(20) if n % 3 == 0} & {n for n in range(20) if n % 2 == 0}))
