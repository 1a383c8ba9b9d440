# Wide ints (i128 in traces) compared with ints and big ints, tested for truth, negated
# (and -(-2**63)), and carried round loops as sums read back after them.


def compares(n):
    # Wide values compared, tested for truth and negated.
    hits = 0
    s = 2**63 - 50
    for i in range(n):
        s += i
        if s > 2**63:
            hits += 1
        if s == 2**63 + 5:
            hits += 100
        if not s:
            hits += 1000
    return hits, -s, s - 2**64


def negations(n):
    # -x of wide ints (both signs) and of -2**63, the one i64 whose negation is not one.
    s = 2**62
    out = []
    for i in range(n):
        s = -s * 3 + i if i % 20 else -(2**63) + i
        t = -s
        out.append(t % 1000003)
        out.append(-(-9223372036854775807 - 1 + i % 2))
    return sum(out), s


def copies(n):
    # The big int the iteration starts with is kept in another variable as well.
    s = 2**64
    prev = 0
    for i in range(n):
        prev = s
        s += i * 2**40
    return s, prev


def loop_sums(n):
    # Sums of wide values carried round a loop and read back after it.
    a = 0
    b = 0
    for i in range(n):
        a += (i + 1) * 4611686018427387904
        b -= a
    return a, b, a % 97, b % 97, b // -(2**61)


print(compares(300))
print(negations(2000))
print(loop_sums(2000))
print(copies(3000))
