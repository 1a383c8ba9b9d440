# Slice assignment and deletion, including extended slices.
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-1, -2]
print(a)
a[len(a):] = [100]
print(a)
a[1:3] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
b = list(range(10))
b[::-3] = "ABCD"
print(b)
del b[::2]
print(b)
c = list(range(10))
del c[2:8]
print(c)
c[:] = "hello"
print(c)
del c[:]
print(c)
d = [1, 2, 3, 4, 5]
d[1:4] = range(7, 10)
print(d)
d[-2:] = [[1, 2]]
print(d)
e = [0, 1, 2, 3]
e[3:1] = ["in"]
print(e)
try:
    e[::2] = [1, 2]
except ValueError as ex:
    print("ValueError:", ex)
