# Keys that compare equal collapse: 1 == 1.0 == True; first key object is kept.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {True: "t", 1: "i", 1.0: "f"}
print(d2)
d3 = {0: "zero", False: "false", 0.0: "zero float", -0.0: "neg"}
print(d3)
s = {1, 1.0, True, 2, 2.0}
print(s, len(s))
print({1.0, 1}, {True, 1})
print(d[1], d[1.0], d[True], 1.0 in d, True in {1: 0})
counts = {}
for k in [1, 1.0, True, 2, 2.0, 0, False]:
    counts[k] = counts.get(k, 0) + 1
print(counts)
print({(1, 2): "a", (1.0, 2.0): "b"})
print({"1": "str", 1: "int"})
big = {2 ** 64: "big", 2.0 ** 64: "big float"}
print(big)
