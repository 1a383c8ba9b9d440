# x ** 0.5 must be C's pow(x, 0.5) bit for bit, also where the square root is nearly
# halfway between two floats (where a shortcut through sqrt could round the other way).
import math


def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed


gen = lcg(12345)
vals = []
for _ in range(20000):
    bits = next(gen) >> 12  # 52 mantissa bits
    e = next(gen) % 200 - 100
    vals.append(math.ldexp(1.0 + bits / 2**52, e))

h = 0
for x in vals:
    r = x ** 0.5
    h = (h * 31 + hash(r)) % (2**61 - 1)
print(h, sum(1 for x in vals if x ** 0.5 != math.sqrt(x)))

# Near-halfway roots: m is halfway between two floats, x the float nearest m*m.
hard = []
for _ in range(5000):
    m = (next(gen) >> 10) | 1 | (1 << 53)  # 54 significant bits, odd: a halfway point
    e = next(gen) % 100 - 50
    x = math.ldexp(float(m * m), 2 * e)  # m*m rounded once
    hard.append(x)
h = 0
for x in hard:
    h = (h * 31 + hash(x ** 0.5)) % (2**61 - 1)
print(h, sum(1 for x in hard if x ** 0.5 != math.sqrt(x)))
print([repr(x ** 0.5) for x in hard[:4]])
print(2.0 ** 0.5, 1e-310 ** 0.5, 0.0 ** 0.5, (-0.0) ** 0.5, float("inf") ** 0.5, 1e308 ** 0.5)
print(math.pow(2.0, 0.5), math.pow(1e-310, 0.5), math.pow(-0.0, 0.5), pow(3.0, 0.5))
print(float("nan") ** 0.5)
