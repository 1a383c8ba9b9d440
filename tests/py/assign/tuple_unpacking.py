# Tuple and list unpacking in assignments and loops.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g, h] = "xyz"
print(f, g, h)
x, = [42]
print(x)
(y,) = (7,)
print(y)
p, q = {"k1": 1, "k2": 2}
print(p, q)
i, j, k = range(3)
print(i, j, k)
for (n, (s, t)) in [(1, ("a", "b")), (2, ("c", "d"))]:
    print(n, s, t)
a, b, c = [10, 20, 30]
a, b, c = c, a, b
print(a, b, c)
m = [[1, 2], [3, 4]]
m[0][0], m[1][1] = m[1][1], m[0][0]
print(m)
lst = [0, 1, 2]
i = 0
i, lst[i] = 1, 99
print(i, lst)
