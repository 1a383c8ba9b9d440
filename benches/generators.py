# Generators and comprehensions: a data pipeline built from generator functions,
# generator expressions, `yield from`, and list/dict/set comprehensions. Streams
# pseudo-random "sensor readings", windows and filters them, groups them, and
# prints summary statistics.
import sys


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        yield state >> 33


def readings(count, seed):
    source = lcg(seed)
    for i in range(count):
        raw = next(source)
        sensor = raw % 17
        value = (raw >> 5) % 1000 / 10.0
        yield (i, sensor, value)


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def moving_average(values, width):
    window = []
    total = 0.0
    for v in values:
        window.append(v)
        total += v
        if len(window) > width:
            total -= window.pop(0)
        yield total / len(window)


def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def main(count):
    data = list(readings(count, 2024))
    # Comprehensions over the whole stream.
    by_sensor = {s: [v for (_, s2, v) in data if s2 == s] for s in range(17)}
    means = {s: sum(vs) / len(vs) for s, vs in by_sensor.items() if vs}
    hot = {i for (i, s, v) in data if v > means[s] * 1.9}
    print("hot", len(hot), "of", len(data))
    # Generator pipeline: smooth, threshold, batch.
    smooth = moving_average((v for (_, _, v) in data), 8)
    peaks = (round(v, 1) for v in smooth if v > 60.0)
    batches = chunks(peaks, 50)
    batch_sums = [sum(b) for b in batches]
    print("batches", len(batch_sums), round(sum(batch_sums), 3))
    # Nested comprehensions and zip/enumerate.
    table = [[(v * k) % 7 for k in range(1, 9)] for (_, _, v) in take(count // 4, iter(data))]
    cols = [sum(col) for col in zip(*table)]
    print("cols", [round(c, 2) for c in cols])
    diffs = [b - a for a, b in zip(data, data[1:]) for a, b in [(a[2], b[2])]]
    print("rises", sum(1 for d in diffs if d > 0), "falls", sum(1 for d in diffs if d < 0))
    # yield from over a nested structure.
    nested = [[i, [i + 1, [i + 2, i + 3]], i + 4] for i in range(count // 8)]
    print("flat", sum(flatten(nested)))
    # An infinite generator, consumed lazily.
    ps = list(take(count // 40, primes()))
    print("primes", len(ps), ps[-1], sum(ps))
    ranked = sorted(means.items(), key=lambda kv: (-kv[1], kv[0]))
    print("ranked", [(s, round(m, 2)) for s, m in ranked[:5]])


if sys.argv[-1] == "quick":
    N = 10000
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 250000
main(N)
