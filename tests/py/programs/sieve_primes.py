# Sieve of Eratosthenes and prime utilities.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [i for i, p in enumerate(is_p) if p]

primes = sieve(100000)
print(len(primes), primes[:20], primes[-5:])
print(sum(primes))
twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
print(len(twins), twins[:6], twins[-1])
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items())[:10], max(gaps))

def factorize(n):
    out = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            out.append(p)
            n //= p
    if n > 1:
        out.append(n)
    return out
for n in [360, 97, 1001, 2 ** 31 - 1, 600851475143, 2 ** 62 + 1]:
    print(n, factorize(n))
