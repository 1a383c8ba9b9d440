from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.rotate(1); print(d)
d.rotate(-2); print(d)
d.rotate(7); print(d)
d.extend([7, 8]); d.extendleft([9, 10]); print(d)
d[1] = 'x'; del d[0]; print(d, d.index(7), d.count(8), 8 in d, 99 in d)
d.insert(2, 'ins'); d.remove('x'); print(d)
d.reverse(); print(d, list(reversed(d)))
print(d.copy(), d == deque(d), d != deque(), deque([1, 2]) < deque([1, 3]), deque() == [])
m = deque(maxlen=3)
for i in range(5):
    m.append(i)
print(m, m.maxlen)
m.appendleft(9); print(m)
m.extend(range(10, 20)); print(m)
m.extendleft('ab'); print(m)
print(deque('abc', 2), deque(maxlen=0), deque(range(3), maxlen=5).maxlen, deque().maxlen)
z = deque(maxlen=0); z.append(1); z.appendleft(2); print(z)
q = deque()
for i in range(1000):
    q.append(i)
    if i % 3 == 0:
        q.popleft()
print(len(q), q[0], q[-1], sum(q))
while len(q) > 2:
    q.popleft()
print(q)
for i in range(100):
    q.appendleft(-i)
print(len(q), q[0], q[99], q[-1])
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 3 * deque('a'))
e = deque([1]); e += [2, 3]; e *= 2; print(e)
r = deque([1, 2]); r.append(r); print(r)
r.extend(r); print(len(r))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(3),
            lambda: deque([1]).index(2), lambda: deque(maxlen=-1), lambda: deque([1], maxlen=1).insert(0, 2),
            lambda: deque([1])['a'], lambda: hash(deque())]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Queue(deque):
    def put(self, x):
        self.append(x)


qq = Queue([5])
qq.put(6)
print(qq, isinstance(qq, deque), qq.popleft(), type(qq.copy()).__name__)
# Breadth-first search on a grid, the usual use.
grid = ['..#.', '..#.', '....', '#...']
start, goal = (0, 0), (0, 3)
dist = {start: 0}
todo = deque([start])
while todo:
    r, c = todo.popleft()
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < 4 and 0 <= nc < 4 and grid[nr][nc] == '.' and (nr, nc) not in dist:
            dist[nr, nc] = dist[r, c] + 1
            todo.append((nr, nc))
print(dist[goal], len(dist))
