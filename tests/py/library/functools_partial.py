import functools, copy
from functools import partial
def f(a, b=2, *c, d=4, **e): return (a, b, c, d, e)
p = partial(f, 1, d=9)
print(p(), p(5, 6, 7, x=1), p(d=0), p.func is f, p.args, p.keywords, repr(partial(int, 5, base=2)), repr(partial(len)))
pp = partial(p, 3, e=1); print(pp(), pp.args, pp.keywords, pp.func is f)
p.attr = 1; q = partial(p, 8); print(q.func is p, q())
class MyP(partial):
    pass
m = MyP(f, 1); print(m(), type(m).__name__, repr(m)[:5], isinstance(m, partial))
print(copy.copy(p)(), copy.deepcopy(pp)(), type(copy.copy(p)).__name__)
for bad in [lambda: partial(), lambda: partial(5), lambda: partial(f)(**{})]:
    try: print(bad())
    except TypeError as err: print(err)
r = partial(print)
print(list(map(partial(int, base=2), ['10', '11'])), sorted([3, 1, 2], key=partial(pow, 2)))
p.keywords['d'] = 'changed'; print(p())
print(partial(partial(max, key=len), 'abc')('de'), callable(p), partial(f, 0).__reduce__()[1][0] is f)
class C:
    g = partial(f, 'x')
print(C().g(), C.g())
