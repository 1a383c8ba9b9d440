# float/int methods: is_integer, hex/fromhex, as_integer_ratio, round, bit_length, to_bytes/from_bytes, bases, int(str, base), divmod/pow, hashes.
for v in [0.0, 1.5, -2.0, 0.1, 1e300, 5e-324, 123.456, float('inf'), -0.0]:
    r = [v.is_integer(), v.hex(), repr(v), str(v)]
    try: r.append(v.as_integer_ratio())
    except Exception as e: r.append(type(e).__name__ + str(e))
    print(r)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex(" 0x1.fffffffffffffp+1023 "), float.fromhex("inf"), float.fromhex("0x.8"))
try: float.fromhex("0x1p99999")
except OverflowError as e: print(e)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5, -2), round(1250, -2), round(1350, -2), round(-0.5), round(0.5), round(1.5), round(7, 1), round(2.5, None), type(round(2.5, 0)))
print((255).bit_length(), (-256).bit_length(), (0).bit_length(), (2**100).bit_length(), (7).bit_count() if hasattr(int, "bit_count") else "")
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\xff\xff", "little", signed=True), (2**70).to_bytes(10, "big"), int.from_bytes(bytes(range(20)), "big"))
try: (256).to_bytes(1, "big")
except OverflowError as e: print(e)
n = 2**200 + 12345
print(hex(n), oct(n), bin(n), format(n, "x"), format(-n, "#b")[:20], f"{n:,}", f"{n:_x}", str(-n))
for s, b in [("  12_345 ", 10), ("0x_ff", 16), ("ff", 16), ("0b101", 0), ("0o17", 0), ("z", 36), ("-  1", 10), ("1__2", 10), ("0x", 16), (" -42\n", 10), ("١٢٣", 10), ("12", 3), ("0", 0), ("00", 0), ("010", 0)]:
    try: print(repr(s), b, int(s, b))
    except ValueError as e: print("ValueError", e)
print(int("9" * 50), int(-3.9), int(" 7 "), int(True), float(" 1e3 "), float("-inf"), float("nan"), float("1_000.5"), float(".5"), float("5."))
print(divmod(7, -2), divmod(-7.5, 2), pow(3, 4, 5), pow(2, -1, 7), pow(3, 200, 10**9+7), pow(2, 0.5), 2**-1, (-8) ** (1/3) if False else 0, 10**20 // 7, -(10**20) % 7)
print(1/3, 2/3, 1e22, 1e21, 1e16, 123456789012345678, 0.1+0.2, 1.0, 100.0, 1e-5, 0.0001, float(2**63), 3.0*1e-310)
print(int.__name__, (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator, (1.5).real, (1.5).imag, (1.5).conjugate())
print(abs(-5), abs(-2.5), abs(-2**70), -(-2**63), (-2**63) // -1, 7 // 0.5, 7 % 0.5, -7 % 3, 7.5 // -2, 2**0.5)
import math
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), int(1e20), float(10**400 // 10**390))
try: float(10**400)
except OverflowError as e: print(e)
try: 1 / 0
except ZeroDivisionError as e: print(e)
try: 1.0 / 0
except ZeroDivisionError as e: print(e)
try: 1 % 0
except ZeroDivisionError as e: print(e)
try: 2.0 ** 10000
except OverflowError as e: print(e)
print(hash(1.5), hash(-1), hash(2**64), hash(0.1), hash(float('inf')), hash("") , hash(()), hash((1, 2)))
print((10).__round__(-1), (15).__round__(-1), (25).__round__(-1), 10**18 * 10, True + True, 3 * True)
print(float.__repr__(1.0), int.__add__(1, 2), (1.0).__floor__() if hasattr(1.0, "__floor__") else "", (2.5).__round__())
