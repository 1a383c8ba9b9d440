# int() conversions from strings and floats, with bases.
print(int("42"), int("  42 "), int("-17"), int("+8"), int("0"), int("007"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o17", 0))
print(int("1010", 2), int("0b1010", 0), int("z", 36), int("10", 36), int("1_000_000"))
print(int(3.99), int(-3.99), int(True), int(False))
print(int("123456789012345678901234567890"))
print(int("-99999999999999999999") - 1)
print(str(255), str(-255), repr(10 ** 20))
print(hex(3054), oct(3054), bin(3054))
print(1_000, 0x_ff, 0b_1010, 0o_17)
nums = ["12", " 34", "56 ", "\t78\n", "-9"]
total = 0
for s in nums:
    total += int(s)
    print(repr(s), int(s), total)
print(float("1e3"), float(" -2.5 "), float("10"), float(".5"), float("5."))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(2 ** 100))
