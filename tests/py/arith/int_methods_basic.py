# int methods and attributes: bit_length, bit_count, to_bytes, from_bytes,
# as_integer_ratio, conjugate, real/imag/numerator/denominator.
def t(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for n in [0, 1, -1, 5, -5, 255, 256, 2 ** 31, -2 ** 31, 2 ** 63 - 1, -2 ** 63, 2 ** 64, 10 ** 40, -10 ** 40]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print(True.bit_length(), False.bit_count(), True.real, True.imag, True.as_integer_ratio(), True.conjugate())
print(type(True.real).__name__, type(True.numerator).__name__, type(True.conjugate()).__name__)
print((7).__index__(), (7).__int__(), (7).__float__(), (-7).__abs__(), (7).__neg__(), (7).__pos__(), (7).__invert__())
print((0).__bool__(), (3).__bool__(), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__round__(), (17).__round__(-1))
print(hash(7) == (7).__hash__(), (2 ** 61).__hash__(), (-1).__hash__(), (7).__repr__(), (10 ** 20).__repr__())
print((5).__getnewargs__(), (0).__sizeof__(), (1).__sizeof__(), (2 ** 30).__sizeof__(), (2 ** 100).__sizeof__())

# to_bytes / from_bytes
t("to_bytes default", lambda: (5).to_bytes())
t("to_bytes 2 big", lambda: (1024).to_bytes(2, "big"))
t("to_bytes 2 little", lambda: (1024).to_bytes(2, "little"))
t("to_bytes kw", lambda: (1024).to_bytes(length=4, byteorder="little"))
t("to_bytes signed", lambda: (-1).to_bytes(2, "big", signed=True))
t("to_bytes -128", lambda: (-128).to_bytes(1, "big", signed=True))
t("to_bytes -129", lambda: (-129).to_bytes(1, "big", signed=True))
t("to_bytes 128 signed", lambda: (128).to_bytes(1, "big", signed=True))
t("to_bytes 255", lambda: (255).to_bytes(1, "big"))
t("to_bytes 256", lambda: (256).to_bytes(1, "big"))
t("to_bytes zero len", lambda: (0).to_bytes(0, "big"))
t("to_bytes neg unsigned", lambda: (-5).to_bytes(2, "big"))
t("to_bytes neg len", lambda: (5).to_bytes(-1, "big"))
t("to_bytes bad order", lambda: (5).to_bytes(1, "middle"))
t("to_bytes order type", lambda: (5).to_bytes(1, 5))
t("to_bytes 3 pos", lambda: (5).to_bytes(1, "big", True))
t("to_bytes bad kw", lambda: (5).to_bytes(1, "big", sign=True))
t("to_bytes big", lambda: (2 ** 100).to_bytes(13, "big"))
t("from_bytes big", lambda: int.from_bytes(b"\x01\x00", "big"))
t("from_bytes little", lambda: int.from_bytes(b"\x01\x00", "little"))
t("from_bytes default", lambda: int.from_bytes(b"\x01\x00"))
t("from_bytes signed", lambda: int.from_bytes(b"\xff\xfe", "big", signed=True))
t("from_bytes unsigned", lambda: int.from_bytes(b"\xff\xfe", "big"))
t("from_bytes empty", lambda: int.from_bytes(b"", "big"))
t("from_bytes list", lambda: int.from_bytes([1, 2, 3], "big"))
t("from_bytes bytearray", lambda: int.from_bytes(bytearray(b"\x10"), "little"))
t("from_bytes str", lambda: int.from_bytes("ab", "big"))
t("from_bytes int", lambda: int.from_bytes(5, "big"))
t("from_bytes range", lambda: int.from_bytes([1, 300], "big"))
t("from_bytes kw", lambda: int.from_bytes(bytes=b"\x02", byteorder="big"))
t("from_bytes long", lambda: int.from_bytes(b"\xff" * 20, "little", signed=True))
for n in [0, 1, 127, 128, 255, 65535, -1, -32768, 2 ** 70, -2 ** 70]:
    size = (n.bit_length() + 8) // 8
    b = n.to_bytes(size, "little", signed=True)
    print(n, b, int.from_bytes(b, "little", signed=True) == n)

# Receiver and argument checks
t("bit_length arg", lambda: (5).bit_length(1))
t("unbound", lambda: int.bit_length())
t("wrong self", lambda: int.bit_length("a"))
t("conjugate arg", lambda: (5).conjugate(1))
t("round None", lambda: (5).__round__(None))
t("round 2 args", lambda: (5).__round__(1, 2))
t("trunc arg", lambda: (5).__trunc__(1))
t("neg arg", lambda: (5).__neg__(1))
