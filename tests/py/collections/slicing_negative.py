# Slicing with steps and negative indices on lists and tuples.
l = list(range(10))
print(l[-1], l[-10], l[2:-2], l[-3:], l[:-7], l[::3], l[1::3], l[::-1], l[-1:-4:-1])
print(l[8:2:-2], l[2:8:-1], l[::-2], l[100:200], l[-100:2], l[5:5])
t = tuple("abcdefg")
print(t[1:5:2], t[::-3], t[-2::-2])
s = slice(1, 8, 3)
print(l[s], s.start, s.stop, s.step, l[slice(3)], l[slice(None, None, -4)])
print(s.indices(5), slice(-3, None).indices(10))
m = l[:]
m[::3] = ["x"] * 4
print(m)
try:
    l[10]
except IndexError as e:
    print("IndexError:", e)
try:
    l[-11]
except IndexError as e:
    print("IndexError:", e)
try:
    l[::0]
except ValueError as e:
    print("ValueError:", e)
rows = [[r * 10 + c for c in range(5)] for r in range(4)]
print([row[-1] for row in rows], rows[-1][::-1], [row[1:4:2] for row in rows[::2]])
