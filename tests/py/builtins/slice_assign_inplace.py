# Slice assignment where the new items exactly fill the slice (copied in place) and where
# they do not (the list grows, shrinks, or an extended slice refuses them).
xs = list(range(10))
xs[2:5] = [20, 30, 40]
print(xs)
xs[::2] = (0, 1, 2, 3, 4)
print(xs)
xs[8:2:-2] = ["a", "b", "c"]
print(xs)
xs[-3:] = xs[:3]
print(xs)
xs[5:5] = []
xs[3:3] = [99]
print(xs, len(xs))
xs[1:4] = (7,)
print(xs)
ys = [1, 2, 3]
ys[:] = ys
print(ys)
ys[0:2] = ys[1:3]
print(ys)
ys[10:20] = [5, 6]
print(ys)
try:
    xs[::3] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
zs = [0] * 6
zs[1:5:2] = "ab"
print(zs)
zs[True:3] = [True, False]
print(zs)
