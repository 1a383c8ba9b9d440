# krait JIT fuzz program, seed 7742357814955174761 (tests/fuzz/mod.rs), core profile
# reproduce: KRAIT_FUZZ_SEED=7742357814955174761 KRAIT_FUZZ_COUNT=1 cargo test --release --test programs jit_fuzz
M = 1000003
BIG = 2**62 + 1681
MAXI = 2**63 - 1
MINI = -2**63
LIM = 2**64
NLIM = -2**64
NAN = float('nan')
INF = float('inf')
G = 746

class Acc:
    bonus = 3
    def __init__(self, v):
        self.v = v % M
        self.n = 0
    def add(self, x):
        self.n += 1
        self.v = (self.v + x + self.bonus) % M
        return self.v

def mk(k):
    def add(x):
        return x + k
    return add
ADD = mk(2)

def rec(n, a):
    if n <= 0:
        return a
    return rec(n - 1, (a * 2 + n) % M) + 1

def chk(vals):
    h = 0
    for v in vals:
        if isinstance(v, float):
            v = int(v * 1024) if v - v == 0 else (7 if v != v else 11)
        h = (h * 1000003 + v) % 2305843009213693951
    return h

def r(n, a):
    return rec(n % 12, a)

def f0(p0):
    err = 0
    t1 = (G % M)
    p0 = (err * t1)
    return ((((p0 + t1 * 3 - 1) ^ (p0 if err % 3 == 1 else t1))) % M)

def f1(p0, p1, p2):
    err = 0
    t2 = p2
    p1 = 33
    if 0.5 < 3.25 <= p2:
        p1 = f0(((((p1 >> 67) - ((-10) * p0))) % M))
        p2 = err
    else:
        err = t2
        err = (((err if err > (2**62) else (2**62)) if (err if err > (2**62) else (2**62)) < (err + t2 * 3 - 1) else (err + t2 * 3 - 1)) + ((-12) & (-(-18))))
    err = ((((t2 * p1) % 1000003) ** 2) + ((14 % M) + err * 3 - 1))
    return ((G % M) if (p1 % (40789 % 2 + 1)) >= ((-INF) % (0.0 % 5 + 1)) else f0(p1))

def f2(p0, p1, p2):
    err = 0
    t3 = p1
    if True:
        err *= ((t3 * G) + 3)
    else:
        p0 = err
    p2 = ((-(t3 // (BIG % 5 + 1))) + ((p1 >> 44) - (49669 << 6)))
    return (((p1 + p1) % 1000003) ** 2)

def f3(p0):
    err = 0
    t4 = err
    t4 = (((err % M) ^ (err * 1)) - (G - t4))
    return (((p0 % 1000003) ** 2) if (err + 0.1) != (p0 / (err % 9 + 1)) else f0(25))

def f4(p0, p1, p2):
    err = 0
    t5 = (-6)
    for i6 in range(9, 0, -1):
        p1 = ((-(i6 + BIG * 3 - 1)) % (err % 4 + 1))
        err = (((p1 + G) + ((-(2**63)) if (-(2**63)) > err else err)) * ((err if i6 != i6 else err) >> 27))
        if (10 >> 2) % 7 == 1:
            err = err if NLIM < err < LIM else err % M
            continue
        err *= (-16)
        err = err if NLIM < err < LIM else err % M
    err = ((f2(G, err, err) + (err % (err % 6 + 1)) * 3 - 1) % M)
    return (29 * 0.5)

def main():
    err = 0
    a7 = 15
    a8 = (-BIG)
    a9 = 3684
    x10 = (-BIG)
    b11 = True
    l12 = [40, 23, (-(2**63))]
    for i13 in range(1044):
        if i13 % 208 == 0:
            print('i13', i13, err, a7, a8, a9)
        a7 = f2(((((a8 * a8) << 5)) % M), a7, (((b11 % 1000003) ** 2) + (-BIG)))
        x10 = x10
        l12[((err // (29 % 2 + 1)) - (i13 << 4)) % len(l12)] = (-13)
        a7 = a7 if NLIM < a7 < LIM else a7 % M
    else:
        print('loop done', err)
    print('after loop', err, a7, a8, a9, x10)
    a8 = len(l12)
    for i14 in range(-323, 969, 3):
        if i14 % 64 == 0:
            print('i14', i14, err, a7, a8, a9)
        x10 = (((len(l12) + err) // (-(G % 5) - 1)) % M)
        x10 = x10
        for i15 in range(BIG, BIG + 2):
            a9 = (((MINI | (MINI + 5)) - f2((-2), l12[i14 % len(l12)], a7)) << 9)
            j16 = 0
            while j16 < 12 and not ((36 != 36) and (x10 != x10)):
                j16 += 1
                err *= (l12[a7 % len(l12)] - (a8 + err))
                x10 = (9.2e18 - ((l12[l12[i15 % len(l12)] % len(l12)] + x10) if (-1.5) > (x10 % M) else ((-1.5) / (-(x10 % 4) - 1))))
                if (l12[i14 % len(l12)] - i15) % 7 == 0:
                    break
                err = ((a9 % 1000003) ** 2)
                x10 = x10 if NLIM < x10 < LIM else x10 % M
            x10 = x10 + BIG * 3
            j17 = 0
            while j17 < 12:
                j17 += 1
                err = (((G - err) >> 47) if i14 % 4 == 0 else ((err if err < len(l12) else len(l12)) >> 25))
                b11 = (0.001 - len(l12)) == (x10 // (-(x10 % 8) - 1))
                err = err if NLIM < err < LIM else err % M
            err = err if NLIM < err < LIM else err % M
            a9 = a9 if NLIM < a9 < LIM else a9 % M
            x10 = x10 if NLIM < x10 < LIM else x10 % M
        x10 = f0(((((a9 + a9) << 7)) % M))
        x10 = x10 if NLIM < x10 < LIM else x10 % M
    print('after loop', err, a7, a8, a9, x10)
    print('end', err, a7, a8, a9, x10, b11, l12, G)
    print('checksum', chk([err, a7, a8, a9, x10, b11] + l12), Acc.bonus)

main()
