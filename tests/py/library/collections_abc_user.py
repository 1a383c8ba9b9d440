from collections import ChainMap, UserDict, UserList, UserString
import collections.abc as cabc
from collections.abc import Mapping, MutableMapping, Sequence, MutableSet, Iterator, Iterable

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm, cm.new_child({'c': 4}), cm.parents)
cm['z'] = 9; print(cm.maps, dict(cm), cm.get('q', 0), 'b' in cm)
del cm['z']
try:
    del cm['b']
except KeyError as e:
    print('KeyError', e)
ud = UserDict({'x': 1}); ud['y'] = 2
print(ud, len(ud), 'x' in ud, ud == {'x': 1, 'y': 2}, list(ud.items()), ud.get('q', 0), ud.data)
ul = UserList([3, 1, 2]); ul.sort(); ul.append(5)
print(ul, ul[1:], len(ul), ul + [9], ul == [1, 2, 3, 5], ul.pop(), ul)
us = UserString('hello')
print(us.upper(), us[1:3], len(us), us + '!', 'ell' in us, us.split('l'), us == 'hello')


class MyMap(Mapping):
    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)


mm = MyMap({'a': 1, 'b': 2})
print(list(mm.keys()), list(mm.items()), list(mm.values()), mm.get('c', 'd'), 'a' in mm, mm == {'a': 1, 'b': 2})
print(isinstance(mm, Mapping), isinstance(mm, cabc.Sized), isinstance(mm, MutableMapping), issubclass(MyMap, Iterable))


class Store(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)


s = Store()
s.update({'a': 1}, b=2); s.setdefault('c', 3)
print(dict(s), s.pop('a'), s.popitem(), len(s))
s.clear(); print(len(s))


class MySeq(Sequence):
    def __getitem__(self, i):
        return [10, 20, 30][i]

    def __len__(self):
        return 3


q = MySeq()
print(list(q), q.index(20), q.count(30), 20 in q, list(reversed(q)), isinstance(q, Sequence))


class MySet(MutableSet):
    def __init__(self, it=()):
        self._s = set(it)

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(sorted(self._s))

    def __len__(self):
        return len(self._s)

    def add(self, x):
        self._s.add(x)

    def discard(self, x):
        self._s.discard(x)


ms = MySet([1, 2, 3])
print(sorted(ms & {2, 3, 4}), sorted(ms | {9}), ms <= {1, 2, 3, 4}, ms.isdisjoint([7]), sorted(ms - {1}), sorted(ms ^ {3, 4}))
ms -= {1}; ms |= {7}; print(sorted(ms), ms.pop() in (2, 3, 7), len(ms))


class Countdown(Iterator):
    def __init__(self, n):
        self.n = n

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), iter(Countdown(1)) is not None, isinstance(Countdown(1), Iterable))
print(sorted(n for n in cabc.__all__)[:6])
from collections import deque
dq = deque([1, 2])
print(isinstance(dq, Sequence), isinstance(dq, cabc.MutableSequence), isinstance(dq, Iterable), isinstance(dq, cabc.Sized))
