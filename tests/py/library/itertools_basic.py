from itertools import *
import itertools, operator
print(list(islice(count(), 5)), list(islice(count(10, 2.5), 4)), list(islice(count(2**62, 2**61), 3)))
print(list(islice(cycle('abc'), 8)), list(cycle([])))
print(list(repeat('x', 3)), list(repeat(1, -2)), list(map(pow, range(5), repeat(2))))
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3,4], operator.mul)), list(accumulate([1,2,3], initial=100)), list(accumulate([], initial=5)))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['ab', 'cd'])))
print(list(compress('ABCDEF', [1,0,1,0,1,1])), list(dropwhile(lambda x: x<5, [1,4,6,4,1])), list(takewhile(lambda x: x<5, [1,4,6,4,1])))
print(list(filterfalse(lambda x: x%2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([(k, list(g)) for k, g in groupby([1,2,3,4,5,6], key=lambda x: x//3)])
gs = groupby('aabbc'); k1, g1 = next(gs); k2, g2 = next(gs); print(k1, list(g1), k2, list(g2))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(starmap(pow, [(2,5), (3,2), (10,3)])))
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee(iter([1,2,3]), 3); print(next(a), next(a), next(b), list(c), list(a), list(b))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest([1], [2, 3])))
print(list(product('ab', range(2))), list(product(range(2), repeat=3)), list(product()), list(product('ab', [])))
print(list(permutations('ABCD', 2)), list(permutations(range(3))), list(permutations([], 0)), list(permutations([1], 2)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations([1], 0)), list(combinations([1], 2)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 1)))
print(list(pairwise('ABCDEFG')), list(pairwise([1])))
print(type(count()).__name__, type(chain()), isinstance(chain(), chain), itertools.chain)
for name in ['islice', 'permutations', 'combinations', 'repeat', 'count']:
    try:
        print(name, getattr(itertools, name)(*{'islice': ([1], -1), 'permutations': ([1], -1), 'combinations': ([1], -1), 'repeat': (), 'count': ('a',)}[name]))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class C(chain):
    pass
print(list(C([1], [2])))
def gen():
    yield 1; yield 2
print(list(zip(count(), gen())), sum(islice(count(1), 1000)))
it = iter([1,2,3]); print(list(islice(it, 1)), list(it))
print(list(map(''.join, product('01', repeat=2))))
print(len(list(permutations(range(6)))), len(list(combinations(range(20), 3))))
