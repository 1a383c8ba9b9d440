import functools
from functools import reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key, update_wrapper
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
def f(a, b, c=3, *, d=4): return (a, b, c, d)
p = partial(f, 1, d=10)
print(p(2), p(2, 5), p.func is f, p.args, p.keywords)
pp = partial(p, 7); print(pp(), pp.args)
print(repr(partial(int, base=2)))
print(partial(int, base=2)('101'))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2); print(sq.cache_info())
@cache
def fact(n): return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info().hits)
@lru_cache
def g(x, y=1): return x + y
print(g(1), g(1, y=2), g(1), g.cache_info(), g.__name__)
def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        "wrapper doc"
        return fn(*a, **k)
    return wrapper
@deco
def hello(x):
    "hello doc"
    return x
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello(3))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(a) - len(b))))
class C:
    @functools.cached_property
    def val(self):
        print('computing val')
        return 42
c = C(); print(c.val, c.val)
@functools.singledispatch
def show(x): return 'object'
@show.register(int)
def _(x): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([1]), show('s'), show(True))
print(fib.__wrapped__ is not None, sq.cache_parameters())
