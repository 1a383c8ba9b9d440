# `in`, dict.get, str methods and list/tuple/dict copies in compiled loops, including
# the cases the compiled code must leave to the interpreter (an item with __eq__, a
# key with __hash__).


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        print("  Key.__eq__")
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


def membership(n):
    words = ["alpha", "beta", "gamma", "delta"]
    table = {"a": 1, "b": 2, 3: "three"}
    hits = 0
    for i in range(n):
        w = words[i % 4]
        if "a" in w:
            hits += 1
        if w in words:
            hits += 10
        if i % 5 in (0, 3):
            hits += 100
        if (i % 4) in table or "b" in table:
            hits += 1000
        if i in range(0, n, 7):
            hits += 10000
        if w not in {"beta", "gamma"}:
            hits -= 1
    return hits


def mixed_items(n):
    items = [1, 2.5, "x", None]
    found = 0
    for i in range(n):
        if i % 3 in items:
            found += 1
        if i == n // 2:
            items.append(Key(1))  # from now on the compiled `in` must not compare it
        if i % 500 == 0 and Key(1) in items:
            found += 100
    return found


def lookups(n):
    d = {"x": 1, "y": 2.5, "z": "s"}
    total = 0.0
    seen = []
    for i in range(n):
        k = "xyzw"[i % 4]
        v = d.get(k, 0)
        if isinstance(v, str):
            seen.append(v)
        else:
            total += v
        s = "a-b-c-%d" % (i % 3)
        total += len(s.replace("-", "")) + s.count("-") + s.find("c")
        if s.startswith("a-b") and not s.endswith("9"):
            total += 1
        parts = s.split("-")
        total += len(parts)
    return total, len(seen), seen[:2]


def copies(n):
    base = [1, 2, 3]
    acc = 0
    d = {"k": 1}
    for i in range(n):
        c = list(base)
        c.append(i)
        t = tuple(c)
        e = dict(d)
        e["k"] = i
        acc += len(c) + len(t) + e["k"] - d["k"] + len(list("ab")) + len(tuple(range(3)))
    return acc, base, d


print(membership(5000))
print(mixed_items(3000))
print(lookups(4000))
print(copies(4000))
