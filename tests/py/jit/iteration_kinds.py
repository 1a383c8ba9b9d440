# Hot loops over every built-in iterable: dict (keys/values/items), str, bytes,
# tuple, range (negative step, empty, big bounds), enumerate, zip (unequal lengths),
# reversed, sorted, set, map/filter, and iterators switched between loop runs.

def dict_iter(n):
    d = {i: i * i for i in range(n)}
    d["x"] = -1
    ks = 0
    for k in d:
        ks += k if isinstance(k, int) else 1000
    vs = 0
    for v in d.values():
        vs += v
    it = 0
    for k, v in d.items():
        if k != "x":
            it += k * 3 - v % 7
    return ks, vs, it, list(d)[-3:]
print("dict", dict_iter(3000))

def dict_modified(n):
    d = {i: i for i in range(n)}
    err = None
    c = 0
    try:
        for k in d:
            c += 1
            if c == 2500:
                d[n + 1] = 0          # size change during iteration
    except RuntimeError as e:
        err = str(e)
    # value changes (no size change) are fine
    for k in d:
        d[k] = d[k] + 1
    return c, err, sum(d.values())
print("dict modified", dict_modified(3000))

def str_iter(n):
    s = "".join(chr(97 + i % 26) for i in range(n)) + "\u00e9\u4e2d\U0001F600"
    vowels = 0
    codes = 0
    for ch in s:
        if ch in "aeiou":
            vowels += 1
        codes += ord(ch)
    rev = 0
    for i, ch in enumerate(reversed(s)):
        if i < 3:
            rev += ord(ch)
    return vowels, codes, rev, len(s)
print("str", str_iter(3000))

def bytes_iter(n):
    b = bytes(i % 256 for i in range(n))
    t = 0
    for x in b:
        t += x ^ 0x5A
    ba = bytearray(b)
    for i in range(len(ba)):
        ba[i] = (ba[i] + 1) % 256
    return t, sum(ba), ba[:4]
print("bytes", bytes_iter(3000))

def tuple_iter(n):
    t = tuple(range(n))
    nested = tuple((i, -i, str(i)) for i in range(n))
    s = 0
    for a, b, c in nested:
        s += a + b + len(c)
    for x in t:
        s += x & 7
    return s, t[-1], nested[-1]
print("tuple", tuple_iter(3000))

def range_iter(n):
    res = []
    for r in (range(n), range(n, 0, -1), range(-n, n, 3), range(0), range(5, 5),
              range(2**62, 2**62 + n), range(2**63 - 1 - n, 2**63 - 1),
              range(-2**63 + n, -2**63, -7), range(-1, -n, -2)):
        s = 0
        c = 0
        for v in r:
            s += v
            c += 1
        res.append((c, s, len(r)))
    return res
for item in range_iter(3000):
    print("range", item)

def enumerate_zip(n):
    a = list(range(n))
    b = [str(i) for i in range(n // 2)]
    c = (x * 2 for x in range(n * 2))
    s = 0
    for i, (x, y, z) in enumerate(zip(a, b, c), start=10):
        s += i + x + len(y) + z
    zz = 0
    for p, q in zip(range(n), reversed(range(n))):
        zz += p * q
    return s, zz, list(zip(a, b))[-1]
print("enumerate zip", enumerate_zip(5000))

def sets_and_sorted(n):
    st = {(i * 7) % 1009 for i in range(n)}
    s = 0
    for v in st:
        s += v
    srt = sorted(range(n), key=lambda v: (v % 11, -v))
    acc = 0
    for i, v in enumerate(srt):
        acc += i * v
    fs = frozenset(range(0, n, 3))
    inter = 0
    for v in range(n):
        if v in fs and v in st:
            inter += 1
    return s, len(st), acc, inter
print("sets sorted", sets_and_sorted(3000))

def map_filter(n):
    m = 0
    for v in map(lambda x: x * 3, filter(lambda x: x % 4, range(n))):
        m += v
    for a, b in map(lambda x, y: (x, y), range(n), range(n, 0, -1)):
        m -= a - b
    return m
print("map filter", map_filter(4000))

def iterator_switch(n):
    sources = [range(n), list(range(n)), tuple(range(n)), {i: 0 for i in range(n)}, "x" * n,
               (i for i in range(n)), iter(list(range(n))), set(range(n))]
    out = []
    for src in sources:
        c = 0
        for v in src:
            c += 1 if v == "x" else v
        out.append(c)
    return out
print("switch", iterator_switch(3000))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

class Seq:
    # old-style iteration protocol via __getitem__
    def __getitem__(self, i):
        if i >= 2500:
            raise IndexError(i)
        return i * 2

def custom_iter(n):
    s = 0
    for v in Countdown(n):
        s += v
    for v in Seq():
        s -= v
    return s
print("custom", custom_iter(4000))

def unpack_loop(n):
    pairs = [(i, [i, i + 1, i + 2]) for i in range(n)]
    s = 0
    for a, (b, *rest) in pairs:
        s += a - b + sum(rest)
    for first, *mid, last in ([1, 2, 3, 4], [5, 6], [7, 8, 9]) * 1000:
        s += first * 100 + len(mid) * 10 + last
    return s
print("unpack", unpack_loop(3000))

# module-level iteration over a dict and a str
module_d = {str(i): i for i in range(3000)}
tot = 0
for k, v in module_d.items():
    tot += len(k) * v
for ch in "abc" * 1000:
    tot += ord(ch)
print("module", tot)
