from collections import Counter

c = Counter('abracadabra')
print(c, c.most_common(), c.most_common(3), c.most_common(0), c['a'], c['z'])
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update('aaz'); print(c)
c.update({'q': 5}); print(c)
c.subtract({'a': 10}); print(c)
c.subtract('bbb'); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3) | Counter(a=5, b=1), Counter(a=3, b=2) & Counter(a=1))
print(Counter({'x': 2, 'y': 5}), Counter(), Counter([1, 1, 2]).total(), Counter(cats=4, dogs=8))
neg = Counter(a=2, b=-1, c=0)
print(+neg, -neg, neg.total())
x = Counter(a=1); x += Counter(a=2, b=-5); print(x)
x -= Counter(a=10); print(x)
x |= Counter(z=3); x &= Counter(z=1, q=9); print(x)
print(Counter('hello') == Counter('olleh'), Counter(a=1) == Counter(a=1, b=0), Counter('ab') < Counter('aab'), Counter('ab') <= Counter('ab'))
print(Counter({'a': 3}) == {'a': 3}, list(Counter('hello').keys()), list(Counter('hello').values()))
words = 'the quick brown fox jumps over the lazy dog the fox'.split()
wc = Counter(words)
print(wc.most_common(3), len(wc), wc['the'], sum(wc.values()))
del wc['the']; del wc['missing']; print(wc.most_common(2))
print(Counter(dict(a=1, b=2)), Counter([('a', 1), ('a', 1)]), Counter(a=1, b=2).copy())
print(sorted(Counter('mississippi').items()), Counter('aabbcc').most_common(2))
print(repr(Counter('ba')), str(Counter({1: 2})))


class Tally(Counter):
    pass


t = Tally('xyx')
print(t, t + t, type(t + t).__name__)
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print('NotImplementedError', e)
print(Counter({'a': 1.5, 'b': 0.5}).most_common(), Counter({'b': 'x', 'a': 'y'}))


class Loud(Counter):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)


class Getter(Counter):
    def get(self, key, default=None):
        return super().get(key, default) + 100 if key in self else default


print(Loud('aab'), Getter('aab'), Counter(x for x in [1, 2, 1, 1]), Counter(iter('zzy')).most_common(1))
