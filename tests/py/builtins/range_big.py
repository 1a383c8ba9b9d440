# range with bounds outside 64 bits: iteration, len, indexing, slicing, containment,
# index/count, equality, reversal; and ranges that cross the 64-bit boundary.
def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


r = range(2**70, 2**70 + 3)
print(list(r), len(r), r[0], r[1], r[-1], r)
print(2**70 + 1 in r, 5 in r, 2**70 + 3 in r, r.index(2**70 + 2), r.count(2**70), r.count(0))
print(r[::2], list(r[1:]), list(reversed(r)), bool(r), bool(range(2**70, 2**70)))
print(r == range(2**70, 2**70 + 3), r != range(0, 3), hash(r) == hash(range(2**70, 2**70 + 3)), type(r).__name__)
print(list(range(-2**64, -2**64 + 10, 3)), list(range(2**65, 2**65 - 7, -2)))
print(list(range(0, 2**80, 2**78)), range(0, 2**80, 2**78)[1:3])
total = 0
for x in range(2**63 - 3, 2**63 + 3):
    total += x - 2**63
print(total, sum(range(10**20, 10**20 + 5)), max(range(2**64, 2**64 + 4)), sorted(range(2**64 + 3, 2**64, -1)))
big = range(2**100)
print(big[2**99], big[-1], 2**99 in big, big[2**98:2**98 + 2], 2**100 in big)
attempt("len(big)", lambda: len(big))
attempt("r[10]", lambda: r[10])
attempt("r.index(0)", lambda: r.index(0))
attempt("range(0, 2**70, 0)", lambda: range(0, 2**70, 0))
attempt("r['a']", lambda: r["a"])
print([i * 2 for i in range(2**64, 2**64 + 3)], list(zip(range(2**64, 2**64 + 2), "ab")), list(enumerate(range(2**66, 2**66 + 2))))
