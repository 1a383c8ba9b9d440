"""open(): update modes, newline handling, encodings, positions, large files."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "_tmp_files_modes")


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
os.makedirs(D)
p = os.path.join(D, "f.txt")

# Newlines: universal reading, and each explicit newline mode.
with open(p, "w", newline="") as f:
    f.write("one\ntwo\r\nthree\rfour")
print(repr(open(p).read()))
with open(p) as f:
    print(f.newlines, f.readlines(), f.newlines)
for nl in ["", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        print(repr(nl), f.readlines())
with open(p, "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open(p, "rb").read())
with open(p, "w", newline="\r") as f:
    f.write("a\nb\n")
print(open(p, "rb").read())
try:
    open(p, newline="x")
except ValueError as e:
    print(e)

# Update modes.
with open(p, "w+") as f:
    f.write("hello world\n")
    print(f.tell(), f.seek(0), repr(f.read()))
with open(p, "r+") as f:
    f.write("HE")
    f.seek(0)
    print(repr(f.read()))
with open(p, "rb+") as f:
    print(f.read(3))
    f.write(b"__")
    print(f.tell(), f.seek(0), f.read())
    print(f.seek(0), f.truncate(5), f.tell(), f.read())
with open(p, "ab+") as f:
    print(f.tell(), f.write(b"++"), f.seek(0), f.read())
print(open(p).read())

# Encodings.
with open(p, "w", encoding="utf-8") as f:
    f.write("héllo wörld €uro 😀 end\n" * 2)
print(os.path.getsize(p))
with open(p, encoding="UTF8") as f:
    print(f.encoding, repr(f.read(8)), f.tell(), repr(f.readline()), f.tell())
    print(repr(f.read(20)), f.tell(), f.seek(0), repr(f.read(1)))
with open(p, "w", encoding="latin-1") as f:
    f.write("café\n")
print(open(p, "rb").read(), repr(open(p, encoding="latin-1").read()))
try:
    open(p, encoding="utf-8").read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(repr(open(p, encoding="utf-8", errors="replace").read()))
try:
    with open(p, "w", encoding="ascii") as f:
        f.write("café")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)

# A large file, line by line.
with open(p, "w") as f:
    for i in range(30000):
        f.write(f"{i},{i * i}\n")
print(os.path.getsize(p))
total = 0
count = 0
with open(p) as f:
    for line in f:
        a, b = line.split(",")
        total += int(b)
        count += 1
print(count, total)
with open(p) as f:
    data = f.read()
print(len(data), data[:12].split(), data.count("\n"))
with open(p, "rb") as f:
    print(len(f.read(100000)), len(f.read()), f.read())
with open(p) as f:
    f.seek(100000)
    print(repr(f.readline()), f.tell())

# tell() while iterating is refused, like CPython.
with open(p) as f:
    next(f)
    try:
        f.tell()
    except OSError as e:
        print(e)

# A file written without close() is visible to the next open (CPython closes it at once).
open(p, "w").write("unclosed write\n")
print(open(p).read(), end="")
with open(p, "a") as f:
    f.write("then appended\n")
print(open(p).readlines())

rmtree(D)
print(os.path.exists(D))
