# Set operations on dict keys/items views; results are sets in CPython's order.
a = {1: "a", 2: "b", 3: "c", 40: "d", 17: "e"}
b = {3: "x", 40: "y", 5: "z", 9: "w"}
ka, kb = a.keys(), b.keys()
print(ka & kb, ka | kb, ka - kb, ka ^ kb, kb - ka, kb ^ ka, kb | ka)
print(ka & {1, 2, 100}, {1, 2, 100} & ka, ka | {100, 8}, {100, 8} | ka, ka - {1}, {1, 2, 99} - ka, ka ^ {1, 99}, {1, 99} ^ ka)
print(ka & [40, 3, 3], [40, 3, 3] & ka, ka | [64, 8], (64, 8) | ka, ka - [1, 2], ka ^ range(5))
print(type(ka & kb).__name__, type(ka | [1]).__name__, type({1} & ka).__name__, type(frozenset([1]) | ka).__name__)
ia, ib = a.items(), b.items()
print(sorted(ia & {(1, "a"), (2, "zz")}), sorted(ia - {(1, "a")}), len(ia | ib), sorted(ia ^ {(1, "a"), (7, "q")}))
x = {1: 10, 2: 20, 3: 30}
y = {2: 20, 3: 99, 4: 40}
print(x.items() ^ y.items(), y.items() ^ x.items(), x.items() & y.items(), x.items() - y.items())
big = {i * 7: i for i in range(30)}
small = {i: i for i in range(0, 100, 5)}
print(big.keys() & small.keys())
print(small.keys() & big.keys())
print(big.keys() - small.keys())
print(small.keys() ^ big.keys())
print(big.keys() | small.keys())
s = set([1000, 2000, 3, 64])
print(s & big.keys(), big.keys() & s, s | small.keys(), small.keys() | s, s - small.keys(), small.keys() - s)
keys = {100: 0, 1: 0, 33: 0, 64: 0, 7: 0}.keys()
print(set(keys), keys | set(), set() | keys, keys - set(), keys & keys, keys ^ set())
ks = {5: 0}.keys()
ks_set = ks | {1}
ks_set.add(2)
print(ks_set, ks)
u = {1: 0}.keys()
u |= {2}
u &= {2, 3}
print(u, type(u).__name__)
print(a.keys() & b.keys() == {3, 40}, a.keys() - b.keys() < a.keys())
