# Nested and chained comprehensions producing structured data.
n = 4
identity = [[1 if r == c else 0 for c in range(n)] for r in range(n)]
for row in identity:
    print(row)
pascal = [[1]]
for _ in range(6):
    prev = pascal[-1]
    pascal.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in pascal:
    print(row)
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b)
           if a * a + b * b == c * c]
print(triples)
grid = {(r, c): r * 3 + c for r in range(3) for c in range(3)}
print([[grid[r, c] for c in range(3)] for r in range(3)])
flat = [x for sub in [[1, 2], [3], [], [4, 5, 6]] for x in sub]
print(flat)
groups = {k: [w for w in ["ant", "bee", "cat", "ape", "cow"] if w[0] == k] for k in "abc"}
print(groups)
print(sum(sum(row) for row in pascal))
print([sorted({x % k for x in range(10)}) for k in range(1, 5)])
