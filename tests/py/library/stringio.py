"""io.StringIO and io.BytesIO: in-memory text and bytes streams."""
import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.tell())
print(repr(s.getvalue()), repr(s.read()), s.seek(0), repr(s.read(5)), s.tell())
print(repr(s.readline()), repr(s.readline()), s.seek(0, 2))
print("x", 1, [2], sep=", ", file=s)
print(repr(s.getvalue()))
s.seek(0)
for line in s:
    print(repr(line))
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()), s.tell())
s.seek(40)
s.write("!")
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)

t = io.StringIO("line one\nline two\nline three")
print(t.tell(), t.readlines())
t.seek(0)
print(t.readlines(10))
t.seek(0)
print(repr(t.readline(4)), repr(t.readline(-1)), repr(t.readline(None)), repr(t.read(0)))
t = io.StringIO("xyz")
print(t.write("Q"), t.getvalue())
u = io.StringIO("a\nb\r\nc\rd")
print(u.readlines())
print(io.StringIO("a\nb\r\nc\rd", newline=None).readlines())
print(io.StringIO("a\nb\r\nc\rd", newline="").readlines())
print(io.StringIO("a\r\nb\rc", newline="\r").readlines())
w = io.StringIO(newline="\r\n")
w.write("p\nq")
print(repr(w.getvalue()))

with io.StringIO() as buf:
    for i in range(3):
        print(i, i * i, file=buf)
    text = buf.getvalue()
print(repr(text), buf.closed)
for op in [buf.getvalue, buf.read, lambda: buf.write("x"), buf.tell]:
    try:
        op()
    except ValueError as e:
        print("closed:", e)

for bad in [lambda: io.StringIO(5), lambda: io.StringIO().write(3),
            lambda: io.StringIO().read("x"), lambda: io.StringIO(newline="x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = io.StringIO("abc")
for args in [(1, 1), (-1,), (0, 5)]:
    try:
        s.seek(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
try:
    s.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)

parts = io.StringIO()
for i in range(2000):
    parts.write(str(i))
print(len(parts.getvalue()), parts.getvalue()[-8:])

b = io.BytesIO(b"ab\ncd")
print(b.read(1), b.readline(), b.tell(), b.read(), b.getvalue())
print(b.seek(0, 2), b.write(b"zz"), b.getvalue())
print(b.seek(10), b.write(b"!"), b.getvalue())
print(b.seek(-2, 2), b.read(), b.seek(0), b.readlines())
print(b.truncate(3), b.getvalue())
try:
    b.write("str")
except TypeError as e:
    print(e)
try:
    b.seek(-1)
except ValueError as e:
    print(e)
with io.BytesIO() as bb:
    bb.write(b"x")
    bb.write(bytearray(b"yz"))
    print(bb.getvalue(), list(io.BytesIO(b"1\n2\n")))
print(bb.closed)

print(io.open is open, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(io.StringIO.__name__, io.BytesIO.__name__, io.TextIOWrapper.__name__)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase),
      isinstance(io.BytesIO(), io.BufferedIOBase), issubclass(io.UnsupportedOperation, OSError),
      issubclass(io.UnsupportedOperation, ValueError))
