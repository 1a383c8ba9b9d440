# random: every method with several integer seeds (the same numbers as CPython), instances, getstate/setstate, str/bytes seeds, errors.
import random
for seed in [0, 1, 42, 2**40, -5, 123456789012345678901234567890]:
    random.seed(seed)
    print(random.random(), random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 7), random.choice("abcdef"), random.uniform(1, 2))
    print(random.choices(range(10), k=5), random.choices("abc", weights=[1, 5, 1], k=4), random.choices("xyz", cum_weights=[1, 2, 3], k=3))
    l = list(range(10)); random.shuffle(l); print(l, random.sample(range(100), 5), random.sample(["a", "b", "c"], 2), random.sample(range(10**10), 3))
    print(random.gauss(0, 1), random.gauss(5, 2), random.normalvariate(0, 1), random.getrandbits(70), random.getrandbits(8), random.expovariate(2), random.triangular(0, 1, 0.3), random.betavariate(2, 3), random.gammavariate(2, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
    print(random.randbytes(5), random.randrange(-10, 10), random.randint(-2**70, 2**70))
r = random.Random(7); print(r.random(), r.randint(1, 6)); st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random())
random.seed("hello"); print(random.random())
random.seed(b"hello"); print(random.random())
random.seed(3.5) if False else None
random.seed(5); print(random.sample({1, 2, 3} and [1,2,3], 3), random.binomialvariate(10, 0.5) if hasattr(random, "binomialvariate") else "")
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.sample([1], 2), lambda: random.randint(2, 1)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
