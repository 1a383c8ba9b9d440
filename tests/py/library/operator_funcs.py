import operator
from operator import *
print(add(1, 2), sub(5, 3), mul('a', 3), truediv(7, 2), floordiv(7, 2), mod(7, 3), pow(2, 10), neg(5), pos(-3), not_(0), truth([]))
print(eq(1, 1.0), ne(1, 2), lt(1, 2), le(2, 2), gt(3, 1), ge(1, 2), and_(12, 10), or_(12, 10), xor(12, 10), inv(5), invert(5), lshift(1, 5), rshift(64, 2))
l = [1, 2, 3]; setitem(l, 0, 9); delitem(l, 1); print(l, getitem(l, 1), contains(l, 9), is_(None, None), is_not(1, None), abs(-4), index(7))
print(concat([1], [2]), countOf([1, 2, 1], 1), indexOf([1, 2, 1], 2), length_hint([1, 2]), iadd([1], [2]), call(len, 'abc'))
g = itemgetter(1); print(g([5, 6, 7]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 3}), g)
class P:
    def __init__(self): self.x = 1; self.y = P2()
class P2: z = 'zz'
print(attrgetter('x')(P()), attrgetter('x', 'y.z')(P()), attrgetter('y.z'))
print(methodcaller('upper')('abc'), methodcaller('split', ',', maxsplit=1)('a,b,c'), methodcaller('split', ',', maxsplit=1))
print(sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=itemgetter(1)))
print(sorted(['bb', 'a', 'ccc'], key=len), operator.__add__(1, 2), operator.matmul.__name__)
try:
    itemgetter(5)([1])
except IndexError as e:
    print('IndexError', e)
try:
    add(1)
except TypeError as e:
    print(e)
try:
    attrgetter(1)
except TypeError as e:
    print(e)
try:
    operator.concat(1, 2)
except TypeError as e:
    print(e)
print(type(itemgetter(1)), type(attrgetter('a')).__name__)
