# Large lists and dicts built and dropped repeatedly.
for r in range(5):
    big = list(range(200000))
    d = {i: i * 2 for i in range(0, 200000, 4)}
    s = set(range(0, 200000, 3))
    print(r, len(big), len(d), len(s), big[-1] + d[199996] + (199998 in s))
    del big, d, s
nested = [[i, [i, [i]]] for i in range(50000)]
print(sum(x[1][1][0] for x in nested))
nested = None
print("done")
