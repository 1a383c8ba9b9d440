# Floor division and modulo follow the sign of the divisor in Python.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3),
         (1, 10), (-1, 10), (1, -10), (-1, -10), (123456789, 1000), (-123456789, 1000)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(f"{a} // {b} = {q}   {a} % {b} = {r}   check {q * b + r == a}")
print("floats")
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.5), (-1.0, 3.0), (1.0, -3.0)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5)
print(5 % 3.0, -5 % 3.0)
print(2 ** 70 // 3, -(2 ** 70) // 3, 2 ** 70 % 7, -(2 ** 70) % 7)
print(divmod(2 ** 100, -(10 ** 9)))
