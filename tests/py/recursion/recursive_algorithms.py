# Classic recursive algorithms.
def permutations(xs):
    if len(xs) <= 1:
        return [xs[:]]
    out = []
    for i in range(len(xs)):
        for p in permutations(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
print(permutations([1, 2, 3]))
print(len(permutations(list(range(6)))))

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
data = [(i * 37) % 101 for i in range(40)]
print(merge_sort(data))

def quicksort(xs):
    if not xs:
        return []
    p = xs[0]
    return quicksort([x for x in xs[1:] if x < p]) + [p] + quicksort([x for x in xs[1:] if x >= p])
print(quicksort(data) == sorted(data))

def binary_search(xs, t, lo=0, hi=None):
    if hi is None:
        hi = len(xs)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == t:
        return mid
    if xs[mid] < t:
        return binary_search(xs, t, mid + 1, hi)
    return binary_search(xs, t, lo, mid)
s = sorted(set(data))
print([binary_search(s, t) for t in [0, 5, 37, 100, 102]])

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(2 ** 40 * 3, 6 ** 15), gcd(17, 5))

def count_change(amount, coins):
    if amount == 0:
        return 1
    if amount < 0 or not coins:
        return 0
    return count_change(amount - coins[0], coins) + count_change(amount, coins[1:])
print(count_change(100, [50, 25, 10, 5, 1]))
