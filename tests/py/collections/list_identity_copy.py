# Aliasing vs copying of nested lists and dicts.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
a[0] = 100
a[1].append(4)
print(a, b, c, d)
print(a is b, a is c, a[1] is c[1])
orig = {"k": [1]}
shallow = dict(orig)
shallow["k"].append(2)
shallow["j"] = 0
print(orig, shallow)
def deep(x):
    if isinstance(x, list):
        return [deep(y) for y in x]
    if isinstance(x, dict):
        return {k: deep(v) for k, v in x.items()}
    return x
e = deep(a)
a[1].append(5)
print(a, e)
row = [0] * 3
grid = [row] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
y += [5]
print(x, y)
print([] is [], [] == [], () == (), list(()) == [])
