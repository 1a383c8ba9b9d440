# canary: a fuzz program kept here so the jit_regressions runner always has work; its
# .out is CPython's output (python3 tests/gen_expected.py tests/jit_regressions/canary.py).
# krait JIT fuzz program, seed 7742357814955174507 (tests/fuzz/mod.rs)
# reproduce: KRAIT_FUZZ_SEED=7742357814955174507 KRAIT_FUZZ_COUNT=1 cargo test --release --test programs jit_fuzz
M = 2**62 + 135
BIG = 2**62 + 1150
MAXI = 2**63 - 1
MINI = -2**63
LIM = 2**64
NAN = float('nan')
INF = float('inf')
G = 635

class Acc:
    bonus = 0
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
ADD = mk(-3)

def rec(n, a):
    if n <= 0:
        return a
    return rec(n - 1, (a * 5 + n) % M) + 1

def chk(vals):
    h = 0
    for v in vals:
        if isinstance(v, float):
            v = int(v * 1024) if v - v == 0 else (7 if v != v else 11)
        h = (h * 1000003 + v) % 2305843009213693951
    return h

def r(n, a):
    return rec(n % 12, a)

def f0(p0, p1, p2):
    err = 0
    t1 = (err // (-(p0 % 3) - 1))
    if p1 != p1:
        err = (max(ADD((2**64 + 1)), max(err, 7)) % (-(p0 % 2) - 1))
    else:
        t1 += (((-INF) - INF) // (t1 % 6 + 1))
        t1 = r(((MINI + 5) % M), (max(err, G) if True else (3 // (23 % 9 + 1))))
    return err

def f1(p0=MAXI):
    err = 0
    t2 = ((2**62) + 6)
    for i3 in range(-3, 15, 5):
        if ((-7.75) % M) != ((-INF) - i3):
            break
        err = (((err * err) // (p0 % 8 + 1)) & (int((BIG % M)) if (BIG % M) - (BIG % M) == 0 else 0))
        if False:
            err = err if -LIM < err < LIM else err % M
            continue
        err = err if -LIM < err < LIM else err % M
    if (MINI + p0 * 3 - 1) % 3 == 0:
        err = ((t2 + (p0 % (t2 % 2 + 1))) % M)
        p0 = (((t2 | G) | (t2 | err)) % M)
        p0 *= t2
    else:
        err = ((ADD((2**63 - 1)) << 9) * ((err // (-(G % 9) - 1)) | (p0 - err)))
        err *= (MINI ^ (2**64 + 1))
    p0 = ((int((-INF)) if (-INF) - (-INF) == 0 else 0) * ((t2 + p0) >> 14))
    p0 = (((p0 + err * 3 - 1) % (-(err % 7) - 1)) * ((p0 % M) >> 23))
    return (t2 if (-0.0) >= (3.25 if err % 3 == 1 else INF) else (t2 + 77944))

def f2(p0=39):
    err = 0
    t4 = ((p0 % 1000003) ** 2)
    err = (((p0 % (p0 % 8 + 1)) + (err * err)) << 0)
    j5 = 0
    while j5 < 8 and not ((True) and (G % 7 == 0)):
        j5 += 1
        p0 = (((t4 % 1000003) ** 2) + ((j5 - err) - (err >> 48)))
        p0 = (((int(1e-300) if 1e-300 - 1e-300 == 0 else 0) | (MAXI // (t4 % 9 + 1))) >> 51)
        try:
            p0 = r((((err << 4)) % M), (int(j5) if j5 - j5 == 0 else 0)) % (MAXI % 3 - 0)
        except ZeroDivisionError:
            err += 1
        else:
            err -= 1
    p0 -= abs(((t4 % 1000003) ** 2))
    return ((((int(9.2e18) if 9.2e18 - 9.2e18 == 0 else 0) if err != err else (t4 if 0.0 < 1e18 else p0))) % M)

def f3(p0, p1, p2):
    err = 0
    t6 = ((-(2**63)) + err * 3 - 1)
    p0 = (int(((p1 - t6) + (9.2e18 + (MINI + 5)))) if ((p1 - t6) + (9.2e18 + (MINI + 5))) - ((p1 - t6) + (9.2e18 + (MINI + 5))) == 0 else 0)
    if (0.001 * (-0.0)) == (INF / (-((-18) % 4) - 1)):
        p0 = (err >> 35)
    elif (p1 ^ err) == (p2 % (-(9.2e18 % 2) - 1)):
        p1 *= ((t6 ^ err) * (p1 + p2))
        try:
            err += 0
        except IndexError:
            err += 1
    else:
        p1 = ((int((-7.75)) if (-7.75) - (-7.75) == 0 else 0) // (err % 5 + 1))
        p1 = ADD(((((p1 + p0) - (p1 % M))) % M))
    return ((((err + 17 * 3 - 1) - p1)) % M)

def f4(p0, p1=(MINI + 5)):
    global G
    err = 0
    t7 = (p0 * (-7.75))
    if p0 % 13 == 2:
        raise ValueError(p0)
    p1 -= (INF + (p1 % (-(err % 6) - 1)))
    p0 = ((p1 % (p0 % 8 + 1)) if True else (((p1 % 1000003) ** 2) % (-(err % 9) - 1)))
    p1 = p0
    p0 = r((-(err + err)), (int((err // (p1 % 4 + 1))) if (err // (p1 % 4 + 1)) - (err // (p1 % 4 + 1)) == 0 else 0))
    G = (G + G) % M
    return (int(NAN) if NAN - NAN == 0 else 0)

def main():
    err = 0
    a8 = (-BIG)
    a9 = MAXI
    x10 = 9.2e18
    b11 = False
    l12 = [2, (-14), (-10), 35, (-17), 32, 23, 25]
    o13 = Acc(37)
    if ((not b11) or (sum(l12) % 6 == 0)) and (b11):
        for k15, e14 in enumerate(l12):
            if k15 % 40 == 0:
                print('k15', k15, err, a8, a9, x10)
            x10 *= e14
            if hasattr(o13, 'w'):
                del o13.w
            x10 = x10 if -LIM < x10 < LIM else x10 % M
        else:
            print('loop done', err)
    elif ((-17) // (-(sum(l12) % 7) - 1)) % 6 == 1:
        if (1e-300 < ((15 % 1000003) ** 2)) and ((len(l12) * err) >= (len(l12) % (b11 % 7 + 1))):
            err = (G - ADD(a8))
            l12[(abs(len(l12)) + (a9 >> 45)) % len(l12)] = ((((a9 % M) - l12[len(l12) % len(l12)])) % M)
        elif True:
            x10 = len(l12)
        elif (G + getattr(o13, 'w', 0)) % 2 == 1:
            err = sum(l12)
            a9 = (f3((int(x10) if x10 - x10 == 0 else 0), a8, len(l12)) - ((b11 - (-15)) if b11 else sum(l12)))
        else:
            b11 = (not b11) or ((int(x10) if x10 - x10 == 0 else 0) <= (a9 + a9))
            a8 -= ((b11 * a9) << 7)
        for i16 in range((l12[a8 % len(l12)] >> 41) % 13):
            if i16 % 170 == 0:
                print('i16', i16, err, a8, a9, x10)
            if i16 < 233:
                break
            x10 = (((x10 / (-(a8 % 7) - 1)) - (9.2e18 + len(l12))) if (b11 * MINI) <= (-x10) else (((i16 * x10) % 1000003) ** 2))
            a9 = (f1(((((2**62) + err)) % M)) + ((a9 // (-(sum(l12) % 2) - 1)) + a8))
            a9 = ((2**64 + 1) if ((a8 % 1000003) ** 2) >= (x10 * a9) else (l12[G % len(l12)] % M))
            if (x10 * x10) != (x10 * 0.5):
                break
            l12[((l12[b11 % len(l12)] * 1) >> 28) % len(l12)] = ((((l12[75928 % len(l12)] << 3) << 10)) % M)
            x10 = x10 if -LIM < x10 < LIM else x10 % M
        else:
            print('loop done', err)
    elif (b11 + b11) % 7 == 1:
        err = (~((l12[b11 % len(l12)] - l12[sum(l12) % len(l12)]) >> 39))
        a9 += ((err * a9) - ((2**64 + 1) * o13.n))
    for i17 in range(861):
        if i17 % 172 == 0:
            print('i17', i17, err, a8, a9, x10)
        if not b11:
            for k19, e18 in enumerate(l12):
                if (i17 // (-(x10 % 5) - 1)) < (b11 + G):
                    break
                x10 += (x10 + (len(l12) - G))
                x10 = x10 if -LIM < x10 < LIM else x10 % M
            a9 = (a9 * (int((x10 * (-6))) if (x10 * (-6)) - (x10 * (-6)) == 0 else 0))
        elif 18686 in l12:
            l12.sort()
        elif (-INF) >= ((INF % 1000003) ** 2):
            x10 = x10 + BIG * 1
            for i20 in range((sum(l12) + b11 * 3 - 1) % 4):
                l12.reverse()
                x10 = ADD((((MAXI % 1000003) ** 2) // (-(G % 3) - 1)))
        if i17 < 160:
            a9 = a9 if -LIM < a9 < LIM else a9 % M
            x10 = x10 if -LIM < x10 < LIM else x10 % M
            continue
        a9 = ((((-BIG) & l12[sum(l12) % len(l12)]) + o13.bonus) ^ l12[(19 * err) % len(l12)])
        for i21 in range(15):
            if len(l12) < 40:
                l12.append(((b11 * i21) % M))
            x10 = (x10 + x10)
            x10 = x10 if -LIM < x10 < LIM else x10 % M
        if len(l12) < 40:
            l12.append(len(l12))
        a8 = f3(((min(l12[a8 % len(l12)], sum(l12))) % M), ((((i17 + (2**63 - 1)) << 10)) % M), p2=i17)
        err = (max((a9 % (-((-(2**62)) % 8) - 1)), i17) + l12[(a9 >> 46) % len(l12)])
        x10 = x10 if -LIM < x10 < LIM else x10 % M
    print('after loop', err, a8, a9, x10)
    a9 *= (((err % 1000003) ** 2) * b11)
    for k23, e22 in enumerate(l12):
        if k23 % 20 == 0:
            print('k23', k23, err, a8, a9, x10)
        err = (((int(7) if 7 - 7 == 0 else 0) - ((a8 % 1000003) ** 2)) >> 27)
        x10 = f2((MAXI - 3))
        if (((-0.0) if b11 else l12[a9 % len(l12)]) == ((-18) % M)) or ((x10 * INF) != (x10 * INF)):
            for i24 in range(BIG, BIG + 24):
                if k23 == 11:
                    continue
                a8 = min((a9 + (17 if x10 != x10 else 87601)), i24)
                if len(l12) < 40:
                    l12.append((((o13.v if 0.001 < INF <= x10 else b11) % 1000003) ** 2))
                x10 = x10
                a8 = a8 if -LIM < a8 < LIM else a8 % M
        x10 = x10 if -LIM < x10 < LIM else x10 % M
    else:
        print('loop done', err)
    print('after loop', err, a8, a9, x10)
    print('end', err, a8, a9, x10, b11, l12, o13.v, o13.n, getattr(o13, 'w', -1), G)
    print('checksum', chk([err, a8, a9, x10, b11, o13.v, o13.n, getattr(o13, 'w', -1)] + l12), Acc.bonus)

main()
