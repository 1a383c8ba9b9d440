import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(a, b, c)
x = [1]; x.append(x); y = copy.deepcopy(x); print(y[1] is y, y is not x)
class P:
    def __init__(self, v): self.v = v; self.l = [v]
    def __repr__(self): return f'P({self.v}, {self.l})'
p = P(1); q = copy.copy(p); r = copy.deepcopy(p); p.l.append(2)
print(p, q, r, q.l is p.l, r.l is p.l)
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]; self.b = 2
s = copy.deepcopy(S()); print(s.a, s.b)
class Cu:
    def __init__(self): self.x = 1
    def __copy__(self): print('custom copy'); return Cu()
    def __deepcopy__(self, memo): print('custom deepcopy', type(memo).__name__); return Cu()
copy.copy(Cu()); copy.deepcopy(Cu())
t = (1, [2]); t2 = copy.deepcopy(t); print(t2, t2 is t, t2[1] is t[1]); t3 = (1, 2); print(copy.deepcopy(t3) is t3)
from collections import namedtuple, OrderedDict, defaultdict, deque, Counter
Pt = namedtuple('Pt', 'x y'); pt = Pt(1, [2]); pt2 = copy.deepcopy(pt); print(pt2, pt2[1] is pt[1], type(pt2).__name__)
dd = defaultdict(list, a=[1]); dd2 = copy.deepcopy(dd); dd2['a'].append(2); print(dd, dd2, copy.copy(dd))
dq = deque([[1], [2]], maxlen=5); dq2 = copy.deepcopy(dq); dq2[0].append(9); print(dq, dq2, copy.copy(dq))
print(copy.deepcopy(OrderedDict(a=[1])), copy.deepcopy(Counter('aab')), copy.deepcopy({1, 2, 3}), copy.deepcopy(frozenset([1])))
class L(list): pass
l = L([1, [2]]); l.attr = 'x'; l2 = copy.deepcopy(l); print(l2, type(l2).__name__, l2.attr, l2[1] is l[1])
class D(dict): pass
d = D(a=[1]); d2 = copy.deepcopy(d); print(d2, type(d2).__name__, d2['a'] is d['a'])
import random
r = random.Random(5); r2 = copy.deepcopy(r); print(r.random() == r2.random())
memo = {}; o = [1]; z = copy.deepcopy([o, o], memo); print(z[0] is z[1])
class G:
    def __init__(self, a): self.a = a
    def __getstate__(self): return {'a': self.a * 10}
    def __setstate__(self, st): self.a = st['a'] + 1
print(copy.copy(G(1)).a, copy.deepcopy(G(2)).a)
print(copy.copy(len) is len, copy.deepcopy(P) is P)
