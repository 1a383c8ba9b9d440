# enumerate and zip over built-in containers in compiled loops, including the last item,
# unequal lengths, dicts and strings, nested unpacking, and a list that grows under zip.


def weighted(xs, ws):
    total = 0.0
    for i, (x, w) in enumerate(zip(xs, ws)):
        total += i * x * w
    return total


def scan(s):
    out = []
    for i, ch in enumerate(s):
        if ch == "a":
            out.append(i)
    return out


def pairs(n):
    a = list(range(n))
    b = [k * k for k in range(n // 2)]  # shorter: zip stops there
    acc = 0
    for x, y in zip(a, b):
        acc += x * 3 - y % 7
    for k, v in enumerate({"p": 1, "q": 2, "r": 3}):
        acc += k * len(v)
    for x, y, z in zip(range(n), "abcdefg" * 1000, (1.5, 2.5) * n):
        acc += x % 5 + len(y) + int(z)
    return acc


def growing(n):
    xs = [1, 2, 3]
    seen = 0
    for i, x in enumerate(xs):
        if len(xs) < n:
            xs.append(x + i)
        seen += x
    return seen, len(xs)


print(weighted([0.5 * k for k in range(5000)], [k % 3 for k in range(5000)]))
print(len(scan("banana" * 2000)), scan("abcabca"))
print(pairs(6000))
print(growing(4000))
