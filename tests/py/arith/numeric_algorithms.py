# Small numeric algorithms mixing ints and floats.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

print([gcd(a, b) for a, b in [(12, 18), (17, 5), (100, 75), (2 ** 40, 6 ** 20), (0, 9)]])
for n in [0, 1, 2, 15, 16, 17, 10 ** 20, 2 ** 127 - 1]:
    r = isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))

def newton_sqrt(x):
    g = x / 2.0
    for _ in range(30):
        g = (g + x / g) / 2
    return g
for v in [2.0, 9.0, 10.0, 1e10]:
    print(v, newton_sqrt(v))

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 20)])
print(collatz(27), collatz(97), collatz(871))

acc = 0
for i in range(1, 50):
    acc += (-1) ** i * i ** 3 // (i + 1)
print(acc)
h = 0.0
for i in range(1, 101):
    h += 1 / i
print(h)
