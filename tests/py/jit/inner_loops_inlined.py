# Loops inside calls inlined into a compiled loop are unrolled (a few iterations); a
# different trip count leaves the trace at the right item. dict.get with and without a
# default, on present and missing keys.


class Scene:
    def __init__(self, objs):
        self.objs = objs

    def nearest(self, x):
        best = None
        for o in self.objs:
            d = abs(o - x)
            if best is None or d < best:
                best = d
        return best


def run(n):
    scene = Scene([1.0, 4.0, 9.0])
    total = 0.0
    for i in range(n):
        total += scene.nearest(i * 0.01)
        if i == n // 2:
            scene.objs.append(2.5)  # one more iteration from here on
        if i == 3 * n // 4:
            scene.objs = [7.0]  # fewer
    return round(total, 6)


def counts(words):
    c = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    firsts = {}
    for w in words:
        if firsts.get(w) is None:
            firsts[w] = len(firsts)
    return sorted(c.items())[:5], len(firsts), firsts.get("zzz"), firsts.get("zzz", -1)


print(run(6000))
print(counts(["w%d" % (i % 37) for i in range(5000)]))
