# Native itertools iterators, heapq, bisect, functools and operator call back into
# Python while holding values; every callback here runs a full collection and
# allocates, so anything the native code failed to root would be freed and reused.
import gc
import itertools
import heapq
import bisect
import functools
import operator


def churn():
    gc.collect()
    return [[i] * 3 for i in range(50)]


def gen(items):
    for x in items:
        churn()
        yield [x, str(x) * 2]


def key_len(x):
    churn()
    return len(x)


print(list(itertools.chain(gen([1, 2]), gen([3]))))
print([(k, list(g)) for k, g in itertools.groupby(gen([1, 1, 2, 3, 3]), key=lambda v: (churn(), v[0])[1])])
print(list(itertools.accumulate(gen([1, 2, 3]), lambda a, b: (churn(), a + b)[1])))
print(list(itertools.accumulate([[1], [2], [3]], lambda a, b: (churn(), a + b)[1], initial=[0])))
print(list(itertools.dropwhile(lambda v: (churn(), v[0] < 2)[1], gen([1, 2, 3]))))
print(list(itertools.takewhile(lambda v: (churn(), v[0] < 3)[1], gen([1, 2, 3]))))
print(list(itertools.filterfalse(lambda v: (churn(), v[0] % 2)[1], gen(range(5)))))
print(list(itertools.compress(gen('abcd'), gen([1, 0, 1, 0]))))
print(list(itertools.starmap(lambda a, b: (churn(), [a, b])[1], gen([1, 2]))))
print(list(itertools.islice(gen(range(10)), 2, 8, 3)))
print(list(itertools.zip_longest(gen([1, 2]), gen([3]), fillvalue=['fill'])))
print(list(itertools.pairwise(gen([1, 2, 3]))))
print(list(itertools.islice(itertools.cycle(gen([1, 2])), 5)))
a, b, c = itertools.tee(gen([1, 2, 3]), 3)
print(next(a), list(b), list(a), list(c))
print(list(itertools.product(gen([1, 2]), gen([3]))))
print(list(itertools.permutations(gen([1, 2, 3]), 2)))
print(list(itertools.combinations(gen([1, 2, 3]), 2)))
print(list(itertools.combinations_with_replacement(gen([1, 2]), 2)))
print(list(itertools.islice(itertools.count([0][0], 1), 3)))


class Slow:
    def __init__(self, v):
        self.v = v
        self.payload = [str(v)] * 4

    def __lt__(self, other):
        churn()
        return self.v < other.v

    def __repr__(self):
        return f"Slow({self.v}, {self.payload[0]})"


h = []
for v in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, Slow(v))
print([heapq.heappop(h) for _ in range(3)], sorted(h, key=lambda s: s.v))
items = [Slow(v) for v in [4, 1, 6, 2]]
heapq.heapify(items)
print(heapq.heapreplace(items, Slow(0)), heapq.heappushpop(items, Slow(10)), heapq.nsmallest(2, items, key=lambda s: (churn(), s.v)[1]))
srt = [[i, str(i)] for i in range(0, 20, 2)]
print(bisect.bisect_left(srt, 7, key=lambda r: (churn(), r[0])[1]))
bisect.insort(srt, [7, 'seven'], key=lambda r: (churn(), r[0])[1])
print(srt[3:5])


@functools.lru_cache(maxsize=3)
def bounded(n):
    churn()
    return [n] * 2


@functools.lru_cache(maxsize=None)
def unbounded(n, tag='x'):
    churn()
    return (n, tag, [n])


print([bounded(i % 5) for i in range(12)], bounded.cache_info())
print([unbounded(i % 3, tag=str(i % 2)) for i in range(8)], unbounded.cache_info())
print(functools.reduce(lambda a, b: (churn(), a + [b])[1], gen([1, 2]), []))
print(sorted(gen([3, 1, 2]), key=functools.cmp_to_key(lambda a, b: (churn(), a[0] - b[0])[1])))
print(sorted(gen([3, 1, 2]), key=operator.itemgetter(1, 0)))
print(list(map(operator.methodcaller('__getitem__', 0), gen([5, 6]))))

from collections import deque, Counter, OrderedDict, defaultdict


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        churn()
        return isinstance(other, Eq) and self.v == other.v

    def __hash__(self):
        return hash(self.v)

    def __repr__(self):
        return f"Eq({self.v})"


dq = deque(gen([1, 2, 3]), maxlen=5)
dq.extendleft(gen([0]))
dq.extend(x for x in gen([7, 8]))
print(dq, Eq(2) in deque([Eq(1), Eq(2)]), deque([Eq(1)]).count(Eq(1)), list(reversed(dq))[:2])
dq.rotate(2)
print(dq, [x for x in dq], dq.popleft(), dq.pop())
print(Counter(Eq(i % 3) for i in range(7)).most_common(2))
od = OrderedDict((Eq(i), [i]) for i in range(4))
od.move_to_end(Eq(1))
print(list(od.items())[-1], od.popitem(last=False))
dd = defaultdict(lambda: (churn(), [])[1])
for v in gen([1, 2, 1]):
    dd[v[0]].append(v[1])
print(dict(dd))
p = functools.partial(lambda *a, **k: (churn(), (a, sorted(k.items())))[1], [1], key=[2])
print(p([3], other=[4]), functools.partial(p, [0])(), list(map(functools.partial(max, key=key_len), gen([1]), gen([22]))))
