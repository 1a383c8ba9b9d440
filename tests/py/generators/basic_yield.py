# Generator functions: lazy execution, state between yields.
def numbers(n):
    print("  start")
    for i in range(n):
        print("  yielding", i)
        yield i
    print("  end")

g = numbers(3)
print(type(g).__name__)
print("created")
print(next(g))
print(next(g))
for v in g:
    print("loop got", v)
print(list(numbers(0)))

def evens(limit):
    n = 0
    while n < limit:
        yield n
        n += 2
print(list(evens(11)), sum(evens(101)))

def multi():
    yield 1
    yield "two"
    yield [3]
    return
    yield "never"
print(list(multi()))
def gen_with_locals():
    total = 0
    for x in [5, 10, 15]:
        total += x
        yield total
print(list(gen_with_locals()))
a, b, c = gen_with_locals()
print(a, b, c)
g1 = evens(6)
g2 = evens(6)
print(next(g1), next(g1), next(g2), next(g1), next(g2))
print(max(evens(20)), 8 in evens(20), 9 in evens(20))
