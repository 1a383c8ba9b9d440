# dict views' .mapping: a read-only proxy of the dict the view was made from.
d = {'a': 1, 'b': 2}
k, v, i = d.keys(), d.values(), d.items()
for view in (k, v, i):
    m = view.mapping
    print(m, repr(m), m['a'], len(m), list(m), 'b' in m, m.get('z', 0))
d['c'] = 3
print(repr(k.mapping), sorted(v.mapping.items()))
print(k.mapping == d, dict(i.mapping) == d)
for view in (k, i):
    try:
        view.mapping = {}
    except AttributeError as e:
        print(e)


class D(dict):
    pass


sub = D(x=1)
print(repr(sub.keys().mapping), sub.values().mapping['x'])
