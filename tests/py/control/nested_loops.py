# Nested loops, breaking out of inner loops, and flag patterns.
for i in range(1, 4):
    for j in range(1, 4):
        print(i * j, end=" ")
    print()

found = None
for i in range(10):
    for j in range(10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print("found", found)

grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
for row in grid:
    for v in row:
        if v % 2 == 0:
            continue
        print("odd", v)

count = 0
i = 0
while i < 5:
    j = 0
    while j < i:
        count += 1
        j += 1
    i += 1
print("count", count)

pairs = []
for a in range(4):
    for b in range(a, 4):
        for c in range(b, 4):
            if a + b + c == 6:
                pairs.append((a, b, c))
print(pairs)

for x in range(3):
    for y in range(3):
        if y == 1:
            break
    else:
        print("inner else never")
    print("outer", x, y)
