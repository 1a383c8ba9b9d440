import random

r1 = random.Random(12345)
r2 = random.Random(12345)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)])
print(r1.randint(0, 10**6), r1.randrange(5, 50, 5), r1.choice(range(1000)), r1.getrandbits(33))
state = r1.getstate()
print(type(state).__name__, state[0], len(state[1]), state[2])
first = [r1.random() for _ in range(5)]
r1.setstate(state)
print(first == [r1.random() for _ in range(5)])
r1.seed(0)
print(r1.random(), r1.gauss(1, 2), r1.gauss(1, 2))

random.seed(2024)
deck = [f'{r}{s}' for s in 'SHDC' for r in 'A23456789TJQK']
random.shuffle(deck)
print(deck[:10])
print(random.sample(deck, 5), random.sample(range(10**9), 4), random.sample(['a', 'b'], 2))
print(random.sample(['red', 'blue'], counts=[4, 2], k=5))
print(random.choices(range(10), k=8), random.choices(['x', 'y'], [0.1, 0.9], k=6))
print([round(random.uniform(-1, 1), 12) for _ in range(3)])
print(random.randrange(10**20), random.randrange(-10, 10), random.randrange(0, 10**30, 7))
print(random.randbytes(8), random.getrandbits(0), random.getrandbits(1))
print([random.randint(1, 6) for _ in range(20)])
print(random.triangular(), random.triangular(1, 3), random.expovariate(0.5), random.vonmisesvariate(0, 0))

for seed in (0, 1, -1, 2**32, 2**32 - 1, 2**64 + 1, 10**50, True, 0.25, -7.5, 'abc', b'abc', bytearray(b'xyz'), '', None):
    random.seed(seed)
    if seed is None:
        print('None', 0.0 <= random.random() < 1.0)
    else:
        print(repr(seed), random.random(), random.randint(1, 1000))

random.seed('abc', version=1)
print(random.random())

for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(0, 10, 0),
            lambda: random.randint(3, 1), lambda: random.choice([]), lambda: random.sample(range(3), 5),
            lambda: random.sample({1, 2}, 1), lambda: random.getrandbits(-1), lambda: random.seed([1]),
            lambda: random.choices('ab', [1], k=2), lambda: random.choices('ab', [0, 0]),
            lambda: random.Random().setstate((3, (1,) * 10, None)), lambda: random.randrange('a')]:
    try:
        bad()
        print('no error')
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)


class Fixed(random.Random):
    def random(self):
        return 0.25


f = Fixed()
print(f.randint(1, 100), f.randrange(50), f.choice('abcdefgh'), f.uniform(0, 8))
l = list(range(8))
f.shuffle(l)
print(l)


class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k < 3 else 3


b = Bits()
print(b.randrange(100), b.randint(0, 6), b.randint(0, 4))

sr = random.SystemRandom()
print(0 <= sr.random() < 1, 1 <= sr.randint(1, 6) <= 6, isinstance(sr, random.Random))
try:
    sr.getstate()
except NotImplementedError as e:
    print('NotImplementedError', e)


class Named(random.Random):
    def __init__(self, name, items):
        super().__init__(name)
        self.items = items


nr = Named('alpha', [1, 2])
print(nr.random(), nr.items, Named('alpha', None).randint(1, 99))


class KwSeed(random.Random):
    def __init__(self, *, seed=5):
        super().__init__(seed)


print(KwSeed(seed=3).random(), KwSeed().random())
