"""open(): text and binary files, reading, writing, iteration, with, print(file=)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "_tmp_files_open")


def rmtree(top):
    if not os.path.isdir(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(top)


rmtree(D)
os.mkdir(D)
p = os.path.join(D, "data.txt")

# Writing and reading text.
with open(p, "w") as f:
    print(type(f).__name__, f.mode, f.encoding, f.closed, os.path.basename(f.name))
    print(f.write("alpha\n"), f.write("beta\ngamma\n"), f.write(""))
    f.writelines(["delta\n", "epsilon"])
    print(f.tell())
print(f.closed)

with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(p) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(p) as f:
    print(repr(f.read(3)), repr(f.read(4)), f.tell(), f.seek(0), repr(f.read(5)))
    print(f.seek(0, 2), repr(f.read()))
    f.seek(6)
    print(repr(f.readline(2)), repr(f.readline()))
print(list(open(p)))
print([line.rstrip() for line in open(p) if "a" in line])

# print(file=...)
with open(p, "w") as f:
    print("x", 1, 2.5, None, file=f)
    print("a", "b", sep="-", end="!\n", file=f)
    print(file=f)
    print("flushed", file=f, flush=True)
print(repr(open(p).read()))

# Binary files.
with open(p, "wb") as f:
    print(type(f).__name__, f.mode, f.write(b"\x00\x01bin\nary\xff"), f.write(bytearray(b"!")))
with open(p, "rb") as f:
    print(type(f).__name__, f.mode, f.read(2), f.readline(), f.tell(), f.read())
with open(p, "rb") as f:
    print(f.readlines())
    print(f.seek(-3, 2), f.read(), f.seek(1), f.seek(2, 1), f.read(3))
with open(p, "rb") as f:
    print([chunk for chunk in f])

# Appending and exclusive creation.
with open(p, "w") as f:
    f.write("one\n")
with open(p, "a") as f:
    print(f.tell())
    f.write("two\n")
print(repr(open(p).read()))
q = os.path.join(D, "new.txt")
with open(q, "x") as f:
    f.write("created")
print(open(q).read())
try:
    open(q, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))

# Errors.
for path, mode in [("missing.txt", "r"), (D, "r"), (os.path.join(q, "sub"), "r")]:
    try:
        open(path, mode)
    except OSError as e:
        print(type(e).__name__, isinstance(e, OSError), e.errno, e.strerror, e.filename == path)
try:
    open("does_not_exist.txt")
except FileNotFoundError as e:
    print(e)
    print(e.args)
for bad in ["rw", "rr", "z", "rbt", "", "b"]:
    try:
        open(p, bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    open(p, "rb", encoding="utf-8")
except ValueError as e:
    print(e)
try:
    open(p, "r", buffering=0)
except ValueError as e:
    print(e)
try:
    open(3.5)
except TypeError as e:
    print(e)
try:
    open(p, "r", encoding="no-such-codec")
except LookupError as e:
    print(e)

f = open(p)
f.close()
f.close()
for op in [f.read, f.readline, f.tell, lambda: f.seek(0), lambda: f.write("x"), lambda: next(f)]:
    try:
        op()
    except ValueError as e:
        print("closed:", e)
with open(p, "w") as f:
    for op in [f.read, f.readline]:
        try:
            op()
        except OSError as e:
            print(type(e).__name__, e)
    try:
        f.write(5)
    except TypeError as e:
        print(e)
with open(p, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print(e)
with open(p) as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__, e)
    try:
        f.seek(1, 1)
    except OSError as e:
        print(type(e).__name__, e)
    print(f.readable(), f.writable(), f.seekable())

# Removing files.
os.remove(p)
print(os.path.exists(p))
rmtree(D)
print(os.path.exists(D))
