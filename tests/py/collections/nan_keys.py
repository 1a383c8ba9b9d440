# NaN in containers: the same float object is found by identity (CPython's containers
# compare identity first), and NaN is never equal to itself.
nan = float("nan")
inf = float("inf")
print(nan is nan, nan == nan, nan != nan, nan in [nan], nan in (1, nan), [nan] == [nan], (nan,) == (nan,))
s = {nan, 1.0}
print(nan in s, len(s), 1 in s)
d = {nan: "x", inf: "y"}
print(d[nan], nan in d, d.get(nan), inf in d, d[inf])
d[nan] = "z"
print(len(d), d[nan], list(d.values()))
del d[nan]
print(nan in d, len(d))
vals = [nan, 2.0, nan, 2.0, 3.0]
seen = []
for v in vals:
    if v not in seen:
        seen.append(v)
print(len(seen), [v for v in vals if v == v], vals.count(nan), vals.index(nan), sorted(set([2.0, 3.0, 2.0])))
fs = frozenset([nan])
print(nan in fs, {nan: 1} == {nan: 1}, [nan, 1] < [nan, 2])
