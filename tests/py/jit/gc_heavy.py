# A GC-heavy hot loop: millions of small objects and reference cycles allocated and
# dropped, with a few survivors kept and checked at the end, so a collection that
# frees a live object (or a trace that keeps a stale pointer) shows up as wrong data.
import gc

class Node:
    def __init__(self, v):
        self.v = v
        self.next = None

def churn(n):
    keep = []
    total = 0
    for i in range(n):
        a = Node(i)
        b = Node(-i)
        a.next = b
        b.next = a                 # a cycle, unreachable after this iteration
        t = (i, [i, i + 1], {"k": i})
        total += a.next.next.v + t[1][1] - t[2]["k"] + len(str(i % 10))
        if i % 997 == 0:
            keep.append((a, t))    # a few survivors, still inside their cycles
    return total, keep

total, keep = churn(150000)
print("total", total)
print("kept", len(keep))
ok = 0
for a, t in keep:
    if a.next.next is a and a.next.v == -a.v and t[0] == a.v and t[1] == [a.v, a.v + 1] and t[2]["k"] == a.v:
        ok += 1
print("intact", ok)

def big_cycles(n):
    # rings of 50 nodes built and dropped; one ring in 100 kept
    kept = []
    for i in range(n):
        head = Node(i)
        cur = head
        for j in range(1, 50):
            nxt = Node(i * 100 + j)
            cur.next = nxt
            cur = nxt
        cur.next = head
        if i % 100 == 0:
            kept.append(head)
    sums = []
    for head in kept:
        s = head.v
        cur = head.next
        while cur is not head:
            s += cur.v
            cur = cur.next
        sums.append(s)
    return len(kept), sum(sums) % 1000003, sums[:3]
print("rings", big_cycles(4000))

def closures_and_frames(n):
    fs = []
    acc = 0
    for i in range(n):
        def f(x, i=i):
            return x + i
        g = lambda: f(1)
        acc += g()
        if i % 5000 == 0:
            fs.append(g)
    return acc, [h() for h in fs]
print("closures", closures_and_frames(30000))

def strings_and_tuples(n):
    d = {}
    for i in range(n):
        key = "k" + str(i % 1000)
        d[key] = (d.get(key, (0,))[0] + i, key * 2)
    return len(d), d["k7"], sum(v[0] for v in d.values()) % 1000003
print("strings", strings_and_tuples(60000))

def collect_in_loop(n):
    # explicit collections inside a hot loop while temporaries are live on the stack
    live = [Node(i) for i in range(100)]
    found = 0
    for i in range(n):
        x = Node(i)
        x.next = Node(i + 1)
        if i % 500 == 0:
            gc.collect()
        found += x.next.v - x.v + live[i % 100].v
    return found
print("collect", collect_in_loop(5000))

# module-level churn with a weakref-free identity check
objs = []
for i in range(100000):
    o = [i, None]
    o[1] = o
    if i % 25000 == 0:
        objs.append(o)
print("module", [o[0] for o in objs], all(o[1] is o for o in objs))
