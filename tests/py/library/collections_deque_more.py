from collections import deque
d = deque(range(10))
try:
    for x in d:
        if x == 3: d.append(99)
except RuntimeError as e:
    print('RuntimeError', e)
print(d.index(5), d.index(5, 2, 8), d.index(99, -3))
try: d.index(5, 6)
except ValueError as e: print(e)
d.rotate(-13); print(d); d.rotate(10**9 + 1); print(d)
del d[-1]; del d[0]; print(d, d[-2])
d.extend(d); print(len(d), d.count(5))
print(deque([1, 2]) == [1, 2], deque([1, 2]) != [1, 2], deque([1]) == deque([1]))
e = deque(range(5), maxlen=5); e.insert(0, 1) if len(e) < 5 else print('full')
try: e.insert(0, 1)
except IndexError as err: print(err)
f = deque(maxlen=2); f.extendleft([1, 2, 3]); print(f); f.rotate(); print(f)
print(deque(range(3)).__reduce__()[:2], deque(range(3), maxlen=4).__reduce__()[:2])
class D(deque):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 't'
g = D([1, 2]); h = g.copy(); print(type(h).__name__, h, h.tag, D(x for x in 'ab'))
import copy
print(copy.deepcopy(g).tag, copy.copy(g))
print(list(reversed(deque('abc'))), sorted(deque([3, 1, 2])), sum(deque(range(5))), max(deque([4, 9])))
q = deque()
for i in range(20): q.appendleft(i); q.append(-i)
for i in range(15): q.popleft()
print(q, len(q))
q.clear(); print(q, bool(q))
w = deque('abc'); w[0] = 'z'; w[-1] = 'y'; print(w, 'z' in w)
print(deque([[1]]) < deque([[2]]), deque() <= deque(), deque([1, 2]) > deque([1]))
x = deque([1, 2, 3]); x *= 2; print(x, x * 0, 2 * deque('a'))
print(deque('ab') + deque('cd'))
try: deque('ab') + 'cd'
except TypeError as err: print(err)
print(repr(deque([deque([1])])), str(deque(['a'])))
