# Tuple comparisons in compiled loops: heap entries (time, seq, object) compare by
# their scalar prefix without touching the object; a tie that reaches the object
# compares it (here through __lt__), which the compiled code leaves to the interpreter.


class Ev:
    def __init__(self, name):
        self.name = name

    def __lt__(self, other):
        print("  Ev.__lt__", self.name, other.name)
        return self.name < other.name

    def __eq__(self, other):
        return self is other


def heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) // 2
        if heap[parent] <= heap[i]:
            break
        heap[parent], heap[i] = heap[i], heap[parent]
        i = parent


def run(n):
    heap = []
    evs = [Ev("e%d" % k) for k in range(5)]
    for i in range(n):
        heap_push(heap, ((i * 7919) % 101, i, evs[i % 5]))
    firsts = [h[:2] for h in heap[:6]]
    # Equal prefixes: the third items are compared (identical objects are skipped).
    same = [(1, 2, evs[0]) < (1, 2, evs[0]), (1, 2, evs[0]) <= (1, 2, evs[0])]
    mixed = 0
    for i in range(n):
        a = (i % 3, float(i % 5), "s%d" % (i % 4))
        b = (i % 3, i % 5, "s%d" % (i % 7))
        if a < b:
            mixed += 1
        elif a == b:
            mixed += 100
    nested = sum(1 for i in range(n) if ((i % 4, (i % 3, i)), 0) > ((1, (1, 0)), 0))
    return firsts, same, mixed, nested


print(run(3000))
tie = [(1, Ev("b")), (1, Ev("a"))]
for k in range(3):
    print(tie[0] < tie[1])
