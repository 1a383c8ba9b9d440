# iter()/next() with defaults, and sentinel iteration.
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
s = iter("hi")
print(next(s), next(s), next(s, "END"))
d = iter({"a": 1, "b": 2})
print(next(d), list(d))
print(iter(it) is it)
stack = [3, 2, 1, 0, 5]
def pop():
    return stack.pop()
print(list(iter(pop, 0)))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
r = iter(range(3))
total = 0
while True:
    v = next(r, None)
    if v is None:
        break
    total += v
print(total)
empty = iter(())
try:
    next(empty)
except StopIteration as e:
    print("StopIteration", e.args)
print(list(iter([1, 2, 3])), tuple(iter((4,))), sorted(iter({3, 1, 2})))
