# bytes and bytearray: constructors, codecs, hex, searching, splitting, joining,
# stripping, case, padding and bytearray mutation.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"xy"), bytes(bytearray(b"z")), bytes("é", "utf-8"))
print(bytes("abc", "ascii"), bytes("é", encoding="latin-1"), bytes((x for x in [1, 2])), bytes(True), bytes("é", "ascii", "replace"))
print(bytearray(), bytearray(2), bytearray(b"ab"), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(bytes(2)))
s = "héllo wörld €"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "ascii"]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, "UnicodeEncodeError:", e)
raw = b"caf\xc3\xa9 \xff\xfe ok \xe2\x82"
for enc in ["utf-8", "latin-1", "ascii"]:
    for err in ["strict", "ignore", "replace", "backslashreplace"]:
        try:
            print(enc, err, repr(raw.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(enc, err, "UnicodeDecodeError:", e)
print(b"abc".decode(), b"abc".decode(encoding="ascii"), bytearray(b"\xc3\xa9").decode(), "x".encode(), "€".encode(errors="strict"))
print(b"\xde\xad\xbe\xef".hex(), b"".hex(), bytearray(b"\x01\x02\x03").hex(), b"\x01\x02\x03\x04\x05".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), b"\x01\x02\x03\x04\x05".hex(b" ", -2))
print(bytes.fromhex("deadbeef"), bytes.fromhex(" 01 02  ff "), bytearray.fromhex("00ff"), bytes.fromhex(""), type(bytearray.fromhex("aa")).__name__)
b = b"abracadabra"
for sub in [b"a", b"abra", b"", b"z", 97]:
    print(sub, b.find(sub), b.rfind(sub), b.count(sub), sub in b)
print(b.find(bytearray(b"ra")), b.count(bytearray(b"a")), b.find(b"a", 1), b.find(b"a", 1, 3), b.rfind(b"a", 0, -1), b.index(b"c"), b.rindex(b"bra"), b.count(b"a", 5))
print(b.startswith(b"abr"), b.endswith(b"bra"), b.startswith((b"x", b"ab")), b.startswith(b"bra", 8), b.endswith(b"cad", 0, 7))
print(b"a b  c ".split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"a,b,c".rsplit(b",", 1), b"  a  b ".rsplit(None, 1), b"".split())
print(b"l1\nl2\r\nl3\rl4".splitlines(), b"l1\nl2\r\n".splitlines(True), bytearray(b"x y").split())
print(b"-".join([b"a", b"b", bytearray(b"c")]), bytearray(b", ").join([b"x", b"y"]), b"".join([]), b"/".join(x for x in [b"p"]))
print(b"  x  ".strip(), b"xxhixx".strip(b"x"), b"\t\nz ".lstrip(), b"z \r".rstrip(), b"abcba".strip(b"ab"), bytearray(b" q ").strip())
print(b"banana".replace(b"a", b"o"), b"banana".replace(b"a", b"o", 2), b"abc".replace(b"", b"-"), bytearray(b"aa").replace(b"a", b"bb"))
print(b"Hello World".upper(), b"Hello World".lower(), b"hello world".title(), b"hELLO".capitalize(), b"AbC".swapcase(), b"\xe9a".upper())
print(b"abc".isalpha(), b"ab1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\x80".isascii(), b"".isalpha())
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(5, b"0"), b"-5".zfill(4), b"5".zfill(3), bytearray(b"q").center(3))
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kvw".partition(b"="), bytearray(b"a.b").partition(b"."))
print(b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"), b"x".removeprefix(b"y"))
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), b"aabbcc".translate(t), b"abc".translate(None, b"b"), b"hello".translate(t, b"l"))
print(b"ab" + b"cd", b"ab" * 3, 2 * b"xy", b"ab" + bytearray(b"c"), bytearray(b"a") + b"b", bytearray(b"ab") * 2, b"ab" == bytearray(b"ab"))
print(b"a" < b"b", b"ab" < b"abc", bytearray(b"b") > b"a", b"abc"[1], b"abc"[-1], b"abc"[1:], b"abc"[::-1], bytearray(b"abc")[0:2])
print(list(b"hi"), [x for x in bytearray(b"yo")], len(b"abc"), len(bytearray(5)), b"abc".__len__(), b"x".__contains__(120))
print(repr(b"a'b"), repr(b'a"b'), repr(b"\x00\n\t\\"), str(b"q"), repr(bytearray(b"z")), str(bytearray()))
ba = bytearray(b"hello")
ba.append(33)
ba.extend(b" world")
ba.extend([1, 2])
ba.extend(bytearray(b"!"))
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.insert(0, 72)
ba.insert(100, 46)
ba.insert(-1, 44)
print(ba)
ba.remove(108)
print(ba)
ba[0] = 74
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, len(c))
ba += b"xyz"
ba += bytearray(b"!")
print(ba)
print(b"%s=%d" % (b"k", 5), b"%5s|%-4b|" % (b"ab", b"c"), b"%x %c %c" % (255, 65, b"B"), b"%r %a" % ("é", b"x"), b"%(k)s" % {b"k": b"v"}, bytearray(b"%d%%") % 7)
print(b"%.2f %e %g" % (1.5, 2.5, 3.0), b"%05d|%+d" % (42, 7), b"no args" % ())
class B(bytes):
    pass
class BA(bytearray):
    pass
x = B(b"abc")
y = BA(b"def")
print(x, y, x.upper(), y.upper(), len(x), len(y), x[0], y[1:], x + b"!", x == b"abc", type(x.upper()).__name__, type(y.upper()).__name__)
y.append(103)
print(y, bytes(y), bytearray(x), x.decode(), y.hex(), B.fromhex("41"), type(B.fromhex("41")).__name__)
