# Side traces: hot exits of compiled loops get traces of their own, which end by
# entering a loop's trace again. Every loop runs past the default JIT threshold and
# every branch is taken often enough for its exit to become hot.


def alternating(n):
    # The recorded path takes one side of the if; the other side becomes a side trace.
    evens = 0
    odds = 0.0
    for i in range(n):
        if i % 2 == 0:
            evens += i
        else:
            odds += i * 0.5
    return evens, odds


def three_way(n):
    # A side trace whose own exit becomes hot: a side trace of a side trace.
    a = b = c = 0
    for i in range(n):
        r = i % 7
        if r < 3:
            a += r
        elif r < 5:
            b += r * 2
        else:
            c -= r
    return a, b, c


def nested(n, m):
    # The inner loop's exhaustion exit gets a side trace that runs the rest of the outer
    # body, the outer loop's header and enters the inner loop's trace again.
    total = 0
    rows = []
    for i in range(n):
        s = 0
        for j in range(m):
            s += i ^ j
        total += s
        if i % 500 == 0:
            rows.append(s)
    return total, rows


def nested_lists(grid):
    out = []
    for row in grid:
        best = row[0]
        for x in row:
            if x > best:
                best = x
        out.append(best)
    return out


def type_change_once(n):
    # x is an int for the first half, then a float: the guard on its type fails from
    # then on, and the side trace carries the float.
    x = 0
    for i in range(n):
        if i == n // 2:
            x = float(x)
        x = x + 1
    return x


def overflow_side(n):
    # The side trace leaves for the interpreter when the int grows past 64 bits.
    v = 1
    seen = []
    for i in range(n):
        if i % 3 == 0:
            v = v * 3 + 1
        else:
            v = v + i
        if i % 10 == 0:
            seen.append(v % 1000003)
    return v % 1000000007, len(seen), seen[-1]


class Acc:
    def __init__(self):
        self.hits = 0
        self.misses = 0

    def add(self, k):
        if k % 4 == 0:
            self.hits += 1
            return 1
        self.misses += 1
        return 0


def method_branches(n):
    # The branch is inside an inlined method: the side trace starts in the inlined frame
    # and returns through it to the loop.
    acc = Acc()
    s = 0
    for i in range(n):
        s += acc.add(i)
    return s, acc.hits, acc.misses


def exception_in_side(n):
    # A side trace whose path raises: the exception leaves with the right state.
    caught = 0
    for k in range(3):
        try:
            for i in range(n):
                if i % 5 == 0:
                    d = i - (n - 5 * (k + 1))
                    caught += 100 // d
                else:
                    caught += 1
        except ZeroDivisionError:
            caught += 1000
    return caught


def while_with_break(n):
    i = 0
    found = []
    while True:
        i += 1
        if i % 1000 == 0:
            found.append(i)
            if len(found) == 5:
                break
        elif i > n:
            break
    return i, found


print(alternating(20000))
print(three_way(30000))
print(nested(3000, 6))
print(nested_lists([[(i * 7 + j * 13) % 101 for j in range(5)] for i in range(2500)])[-10:])
print(type_change_once(20000))
print(overflow_side(3000))
print(method_branches(20000))
print(exception_in_side(4000))
print(while_with_break(100000))
