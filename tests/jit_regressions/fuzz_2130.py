# krait JIT fuzz program, seed 2130 (tests/fuzz/mod.rs), core profile
# reproduce: KRAIT_FUZZ_SEED=2130 KRAIT_FUZZ_COUNT=1 cargo test --release --test programs jit_fuzz
M = 2**31 - 1
BIG = 2**62 + 172
MAXI = 2**63 - 1
MINI = -2**63
LIM = 2**64
NLIM = -2**64
NAN = float('nan')
INF = float('inf')
G = 0

class Acc:
    bonus = 1
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
ADD = mk(7)

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

def f0(p0, p1):
    err = 0
    t1 = (3.25 if p1 != p1 else p0)
    p1 = err
    t1 = (((p0 * 0.5) % M) % (err % 7 + 1))
    return ((err + err * 3 - 1) if (err + err * 3 - 1) < (t1 % ((-7.75) % 2 + 1)) else (t1 % ((-7.75) % 2 + 1)))

err = 0
a2 = 20
a3 = (-BIG)
a4 = 11
a5 = 15
x6 = 37
x7 = 0
x8 = (-19)
b9 = True
b10 = False
l11 = [(-7), 15, (2**62), (2**64 + 1)]
for i12 in range(113):
    if i12 % 22 == 0:
        print('i12', i12, err, a2, a3, a4)
    a5 = (((b10 if b10 < len(l11) else len(l11)) * (13 ^ i12)) // (MINI % 5 + 1))
    b9 = i12 < 129
    a5 = err
    for i13 in range(22):
        a5 = (l11[((2**62) % (a2 % 4 + 1)) % len(l11)] ^ b9)
        x8 = (((9.2e18 % M) * (i13 - x7)) * (x6 // (x7 % 6 + 1)))
        if len(l11) < 40:
            l11.append(((((err >> 48) & (i13 - l11[2 % len(l11)]))) % M))
        x8 = x8 if NLIM < x8 < LIM else x8 % M
    for i14 in range(29):
        for i15 in range((-13) % 4):
            b10 = ((x6 % 1000003) ** 2) > (x6 // (-(3.25 % 2) - 1))
            a4 = a2
            if len(l11) > 1:
                l11.pop()
        err = (MINI % (17 % 6 + 1))
    l11[((8 - err) % ((2**62) % 9 + 1)) % len(l11)] = b9
    x6 -= ((0.5 + 0.25) + (INF * x6))
    x6 = x6 if NLIM < x6 < LIM else x6 % M
print('after loop', err, a2, a3, a4, a5, x6, x7, x8)
j16 = 0
while j16 < 415:
    j16 += 1
    if j16 % 83 == 0:
        print('j16', j16, err, a2, a3, a4)
    if len(l11) > 1:
        l11.pop()
    x7 = ((((2.0**62) * x8) // (-(x8 % 6) - 1)) * j16)
    for i17 in range(BIG, BIG + 28):
        a5 = G
        if j16 > 248:
            l11[(G | a5) % len(l11)] = ((((a3 % (-(i17 % 2) - 1)) - a5)) % M)
            l11[((a4 % 1000003) ** 2) % len(l11)] = l11[j16 % len(l11)]
        elif (not b9) and (j16 > 164):
            x6 = x7
        elif (a2 * 0.5) != (a2 * 0.5):
            if (a3 % 5 == 0) and (x8 != x8):
                break
            x6 = x6 * 1.0
        else:
            x6 = (((G // (-(x6 % 8) - 1)) * (j16 - l11[G % len(l11)])) / (l11[err % len(l11)] % 7 + 1))
            l11[(((b10 % 1000003) ** 2) % M) % len(l11)] = (((((i17 % 1000003) ** 2) + (a5 * b9))) % M)
        x6 = x6 if NLIM < x6 < LIM else x6 % M
    x7 = x7 if NLIM < x7 < LIM else x7 % M
print('after loop', err, a2, a3, a4, a5, x6, x7, x8)
x7 = (x8 * (x6 // (NAN % 5 + 1)))
x6 = G
print('end', err, a2, a3, a4, a5, x6, x7, x8, b9, b10, l11, G)
print('checksum', chk([err, a2, a3, a4, a5, x6, x7, x8, b9, b10] + l11), Acc.bonus)
