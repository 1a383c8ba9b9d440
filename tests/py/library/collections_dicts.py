from collections import defaultdict, OrderedDict

dd = defaultdict(list)
dd['a'].append(1); dd['b'].append(2); dd['a'].append(3)
print(dd, dict(dd), dd['zz'], len(dd), 'q' in dd, dd.get('nope'))
di = defaultdict(int)
for ch in 'hello world':
    di[ch] += 1
print(di, di.default_factory)
print(defaultdict(None, {1: 2}), defaultdict(lambda: 'x')[5], defaultdict(set, a={1}))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(dict((k, dict(v)) for k, v in nested.items()))
try:
    defaultdict(None)['k']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
cp = dd.copy(); cp['a'].append(9); print(cp, type(cp).__name__, cp.default_factory is list)
print(dd | {'c': [0]}, {'c': [0]} | dd, isinstance(dd, dict))
dd2 = defaultdict(int, a=1, b=2); print(dd2, sorted(dd2.items()), dd2 == {'a': 1, 'b': 2})


class Missing(dict):
    def __missing__(self, key):
        return key * 2


print(Missing(a=1)['a'], Missing()['ab'])

od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
print(od, list(od), od.keys(), od.items(), od.values())
od.move_to_end('b'); print(od)
od.move_to_end('c', last=False); print(od)
print(od.popitem(), od.popitem(last=False), od)
od.update([('x', 1), ('y', 2)], z=3); print(od, list(reversed(od)))
print(OrderedDict(a=1) == OrderedDict(a=1), OrderedDict([(1, 2), (3, 4)]) == OrderedDict([(3, 4), (1, 2)]))
print(OrderedDict([(1, 2), (3, 4)]) == {3: 4, 1: 2}, OrderedDict() == OrderedDict(), repr(OrderedDict()))
print(OrderedDict.fromkeys('abc', 0), OrderedDict(zip('xy', range(2))).copy())
print(list(reversed(OrderedDict(a=1, b=2).items())), list(reversed(OrderedDict(a=1, b=2).values())))
print(OrderedDict(a=1) | {'b': 2}, od.pop('x'), od.setdefault('w', 5), od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    od.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)


class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap

    def get(self, key):
        if key not in self:
            return -1
        self.move_to_end(key)
        return self[key]

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.cap:
            self.popitem(last=False)


lru = LRU(2)
lru.put(1, 1); lru.put(2, 2); print(lru.get(1)); lru.put(3, 3); print(lru.get(2), lru.get(3), lru)
