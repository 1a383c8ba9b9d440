# Loops whose bounds and iterables are modified; range objects.
items = [1, 2, 3]
for x in items[:]:
    items.append(x * 10)
print(items)

nums = list(range(10))
result = []
for n in nums:
    if n % 3 == 0:
        result.append(n)
print(result)

r = range(10, 0, -3)
print(list(r), len(r), r[0], r[-1], 7 in r, 8 in r)
print(list(range(0)), list(range(-5)), list(range(-5, -1)), list(range(5, 0, -1)))
print(range(3), range(1, 10, 2))

stack = [1]
steps = 0
while stack:
    v = stack.pop()
    steps += 1
    if v < 20:
        stack.append(v * 2)
        stack.append(v * 2 + 1)
print("steps", steps)

d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)

i = 10
for i in range(i):
    pass
print(i)
