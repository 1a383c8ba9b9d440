import functools
from functools import lru_cache, cache

calls = []


@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x


for x in [1, 2, 3, 1, 4, 2, 5, 1, 3, 3]:
    sq(x)
print(calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq(2), sq.cache_info())


@lru_cache(maxsize=2, typed=True)
def t(x):
    return type(x).__name__


print(t(1), t(1.0), t(True), t.cache_info())


@lru_cache(maxsize=None)
def kw(a, b=0, *, c=1):
    return a + b + c


print(kw(1), kw(1, 2), kw(1, b=2), kw(a=1), kw(1, c=5), kw(1), kw.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


print(nocache(1), nocache(1), nocache.cache_info())


@cache
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)


print(max(range(1, 3000), key=collatz), collatz.cache_info().misses > 3000)


@lru_cache(maxsize=128)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


print(paths(16, 16), paths.cache_info())


class Grid:
    def __init__(self, n):
        self.n = n

    @lru_cache(maxsize=None)
    def count(self, k):
        return self.n * k

    @functools.cached_property
    def total(self):
        return sum(self.count(k) for k in range(4))


g = Grid(3)
print(g.count(2), g.count(2), Grid.count.cache_info(), g.total, g.total)
print(sq.__name__, sq.__wrapped__(7), sq.cache_parameters(), kw.__doc__)


@lru_cache
def unhashable(x):
    return x


try:
    unhashable([1])
except TypeError as e:
    print('TypeError', e)
try:
    lru_cache(maxsize='x')
except TypeError as e:
    print('TypeError', e)


def documented(a):
    """Doc of documented."""
    return a


w = lru_cache()(documented)
print(w.__doc__, w.__name__, w.__qualname__, w.__module__, w(4))
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(lambda a, b: a + b, ['x'], 'y'))
try:
    functools.reduce(lambda a, b: a, 5)
except TypeError as e:
    print('TypeError', e)
