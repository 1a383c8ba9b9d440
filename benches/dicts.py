# Dict and string heavy: word counting and string building.
def main():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    for i in range(400000):
        w = words[i % 8] + str(i % 13)
        counts[w] = counts.get(w, 0) + 1
    keys = sorted(counts)
    return len(keys), counts[keys[0]], sum(counts.values())

print(main())
