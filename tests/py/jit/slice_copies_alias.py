# `dst[a:b] = src[c:d:s]` copied without the intermediate list when `dst` is `src`: the
# source is taken before the store, whether the ranges are the same, reversed, overlapping
# or of another length.


def aliasing(n):
    out = []
    for i in range(n):
        a = list(range(i % 6 + 1))
        a[:] = a[::-1]
        b = list(range(5))
        b[1:3] = b[::-1]  # grows: the source is taken before the store
        c = list(range(6))
        c[1:5] = c[4:0:-1]
        d = list(range(6))
        d[0:4] = d[2:6]  # overlapping ranges, same length
        e = list(range(6))
        e[2:6] = e[0:4]
        f = list(range(8))
        f[::2] = f[::-2]
        g = list(range(5))
        g[3:] = g[:]
        h = list(range(5))
        h[:2] = h[4:0:-2]
        if i % 50 == 0:
            out.append((a, b, c, d, e, f, g, h))
    return out[:3], out[-1]


print(aliasing(400))
