# Building strings by concatenation, join, and repetition.
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
parts = []
for i in range(1, 6):
    parts.append("%d^2=%d" % (i, i * i))
print("; ".join(parts))
big = "ab" * 5000
print(len(big), big[:6], big[-6:], big.count("ab"))
acc = ""
for w in ["alpha", "beta", "gamma"]:
    acc = acc + w[0].upper() + w[1:] + " "
print(repr(acc.rstrip()))
lines = []
for row in range(4):
    lines.append(" " * (3 - row) + "*" * (2 * row + 1))
print("\n".join(lines))
table = ""
for r in range(1, 4):
    table += "|".join(str(r * c).rjust(3) for c in range(1, 6)) + "\n"
print(table, end="")
out = []
for ch in "Hello World":
    out.append(ch.lower() if ch.isupper() else ch.upper())
print("".join(out))
rev = ""
for ch in "stressed":
    rev = ch + rev
print(rev)
csv = "\n".join(",".join(str(x) for x in row) for row in [[1, 2], [3, 4]])
print(csv)
print(str(10 ** 30) + "!", "x" + str(1.5) + str(None) + str([]))
