# len() of an instance whose class defines __len__ in Python: the interpreter runs
# __len__ as a frame of its loop and checks the result as len() does; traces inline it.
# Results that len() rejects, exits inside __len__, classes changing mid-loop.

class Queue:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)

def run_queue(n):
    q = Queue()
    t = 0
    for i in range(n):
        q.items.append(i)
        t += len(q)
        if len(q) > 50:
            q.items.pop(0)
    return t, len(q)
print("queue", run_queue(4000))

class Counted:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        if self.n > 1000:
            return self.n // 2
        return self.n

def run_branching(n):
    t = 0
    for i in range(n):
        t += len(Counted(i))
    return t
print("branching", run_branching(3000))

class Odd:
    def __init__(self, r):
        self.r = r
    def __len__(self):
        return self.r

def run_bad(values):
    out = []
    for v in values:
        try:
            out.append(len(Odd(v)))
        except (TypeError, ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out
print("bad", run_bad([True, False, 3, -1, 2.5, "s", 2 ** 70, -2 ** 70, None]))

def run_turning_bad(n):
    # __len__ starts returning a negative number deep into a hot loop
    o = Odd(0)
    t = 0
    try:
        for i in range(n):
            o.r = i if i < n - 5 else -i
            t += len(o)
    except ValueError as e:
        return t, str(e)
    return t
print("turning", run_turning_bad(3000))

class A:
    def __len__(self):
        return 1
class B:
    def __len__(self):
        return 2

def run_mixed(n):
    objs = [A(), B(), [1, 2, 3], "abcd", (5,)]
    t = 0
    for i in range(n):
        t += len(objs[i % 5]) * (i % 7)
    return t
print("mixed", run_mixed(5000))

def run_rebound(n):
    class C:
        def __len__(self):
            return 3
    c = C()
    t = 0
    for i in range(n):
        if i == n // 2:
            C.__len__ = lambda self: 5
        t += len(c)
    return t
print("rebound", run_rebound(3000))
