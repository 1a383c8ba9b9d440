# Bitwise operators and shifts on small, negative and big ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10)
print(1 << 0, 1 << 10, 1 << 63, 1 << 64, 1 << 100)
print(1024 >> 3, -1024 >> 3, -1 >> 10, 7 >> 1, -7 >> 1)
print((1 << 100) >> 98, (-(1 << 100)) >> 99)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFFFF ^ 0xFF)
print((2 ** 70 - 1) & 0xFFFF, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 70 + 5))
print(~(2 ** 70))
x = 1
for i in range(10):
    x = (x << 3) ^ (x >> 1) ^ i
    print(i, x)
print(5 & 3 | 8, 5 ^ 3 & 1, 1 << 2 + 1, (1 << 2) + 1)
print(hex(255), oct(8), bin(5), hex(-255), bin(-5))
print(True & False, True | False, True ^ True, type(True & True).__name__)
print((123456789).bit_length(), (0).bit_length(), (-8).bit_length(), (2 ** 100).bit_length())
