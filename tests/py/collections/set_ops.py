# Set operations; sets of small ints print in sorted-looking order.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a.issubset(a | b), a.isdisjoint({9}))
s = set()
s.add(5)
s.add(3)
s.add(5)
s.update([1, 2], (8,))
print(s, len(s))
s.discard(99)
s.remove(8)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(s.pop() in {1, 2, 3, 5}, len(s))
c = {10, 20, 30}
c |= {40}
c &= {10, 40, 50}
c -= {10}
print(c)
print({x for x in range(10)} - {0, 2, 4, 6, 8})
print(set(), {0}, sorted(set([-1, -2, 3])), frozenset({2, 1}), {1, 2} == frozenset([1, 2]))
print(sorted({"b", "c", "a"}), len({"x", "y", "x"}), "x" in {"x", "y"})
print({(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)})
e = {1, 2, 3}
e.clear()
print(e, bool(e), bool({0}))
print({7, 3, 10, 1, 6, 0}, {5, 4, 3, 2, 1}, {20, 10})
print(sorted({-1, -5, 0, 3}), sorted({7, 3, 100, 1, 64, 33}))
