# array: tofile/fromfile through binary files, tobytes/frombytes round trips, buffer_info.
import array
import os

path = "array_files.tmp"
a = array.array("i", [1, -2, 3, 40000])
d = array.array("d", [1.5, -2.25])
with open(path, "wb") as f:
    a.tofile(f)
    d.tofile(f)
print(os.path.getsize(path), len(a.tobytes()) + len(d.tobytes()))
b = array.array("i")
e = array.array("d")
with open(path, "rb") as f:
    b.fromfile(f, 4)
    e.fromfile(f, 2)
print(b, e, b == a, e == d)
c = array.array("i")
with open(path, "rb") as f:
    try:
        c.fromfile(f, 100)
    except EOFError as ex:
        print("EOFError", ex, len(c))
try:
    c.fromfile(open(path, "rb"), -1)
except ValueError as ex:
    print("ValueError", ex)
os.remove(path)
for code in "bBhHiIlLqQfd":
    x = array.array(code, range(5))
    y = array.array(code)
    y.frombytes(x.tobytes())
    info = x.buffer_info()
    print(code, y == x, y.tolist(), info[1], type(info[0]).__name__, len(x.tobytes()) == x.itemsize * len(x))
try:
    array.array("i").frombytes(b"abc")
except ValueError as ex:
    print("ValueError", ex)
