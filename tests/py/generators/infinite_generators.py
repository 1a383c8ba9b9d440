# Infinite generators consumed with break, islice-like helpers and zip.
def naturals():
    n = 0
    while True:
        yield n
        n += 1

def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out

def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(take(10, naturals()))
print(take(15, primes()))
for i, p in zip(range(5), primes()):
    print(i, p)
def cycle(seq):
    while True:
        yield from seq
print(take(7, cycle("abc")))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
for f in fib():
    if f > 10 ** 20:
        print("first fib over 1e20:", f)
        break
g = naturals()
print(next(g), next(g), next(g))
def scan(it):
    total = 0
    for x in it:
        total += x
        yield total
print(take(8, scan(naturals())))
