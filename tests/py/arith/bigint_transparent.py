# Ints grow past 64 bits transparently and shrink back.
big = 2 ** 63
print(big, big - 1, -big, -big - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(2 ** 64 - 1, (2 ** 64 - 1) + 1)
x = 1
for i in range(25):
    x *= 37
print(x)
for i in range(25):
    x //= 37
print(x, x == 1, type(x).__name__)
a = 10 ** 40
b = 10 ** 40 + 1
print(b - a, a < b, a == 10 ** 40, a * a)
print(-(10 ** 25) // 7, -(10 ** 25) % 7)
print(12345678901234567890 * 98765432109876543210)
print(123456789012345678901234567890 // 987654321)
print(sum(range(10 ** 6)) * 10 ** 12)
m = 9223372036854775807
print(m * 2, m * m, m + m + m)
print(m * 2 - m, m * m // m)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f // (2 ** 26), f % 1000003)
print(abs(-(2 ** 80)), -(-(2 ** 80)))
print(int(str(2 ** 90)) == 2 ** 90, str(-(2 ** 90)))
print(2 ** 64 > 1.0, 2 ** 64 == 18446744073709551616.0, 2 ** 1000 > 1e300)
