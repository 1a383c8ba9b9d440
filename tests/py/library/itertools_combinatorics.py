from itertools import product, permutations, combinations, combinations_with_replacement, islice, count
import itertools

print(list(product([1, 2], 'ab', [True])))
print(list(product('ab', repeat=0)), list(product(repeat=2)), list(product([], repeat=0)))
print(sum(1 for _ in product(range(4), repeat=4)), list(islice(product(range(3), repeat=3), 5, 9)))
print(list(permutations('abc')), list(permutations('abc', 0)), list(permutations('abc', 4)))
print(list(permutations(range(4), 3))[-4:], sum(1 for _ in permutations(range(7))))
print(list(combinations('abcde', 3)), list(combinations('abc', 0)), list(combinations('', 0)))
print(sum(1 for _ in combinations(range(25), 4)), list(combinations(range(5), 5)))
print(list(combinations_with_replacement('abc', 3)), list(combinations_with_replacement('ab', 0)))
print(sum(1 for _ in combinations_with_replacement(range(10), 4)))
g = (x * x for x in range(4))
print(list(permutations(g, 2)))
for f, args in [(permutations, ('ab', -1)), (combinations, ('ab', -2)), (combinations_with_replacement, ('ab', -1)),
                (product, ('ab',)), (permutations, ('ab', 'x')), (combinations, ('ab',)), (permutations, (1,))]:
    try:
        if f is product:
            print(list(product('ab', repeat=-1)))
        else:
            print(list(f(*args)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(list(combinations(range(4), r=2)), list(permutations(iterable='xy', r=1)))
print([''.join(p) for p in permutations('aab')])
print(next(product('a', 'b')), next(iter(combinations([3, 2, 1], 2))))
p = product('xy', range(2))
print(next(p), list(p), list(p))
print(list(zip(count(1), combinations('wxyz', 2))))
# A small search written the way scripts write them.
best = max(combinations(range(1, 11), 3), key=lambda t: (t[0] * t[1] - t[2], t))
print(best)
print(sorted(set(map(sum, product(range(1, 7), repeat=3))))[:5], len(set(permutations([1, 1, 2, 2]))))
print(type(product()).__name__, type(permutations('a')).__name__, type(itertools.combinations_with_replacement('a', 1)).__name__)
