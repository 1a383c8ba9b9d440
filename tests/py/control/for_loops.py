# for loops over various iterables with break/continue/else.
for c in "abc":
    print(c)
for x in [10, 20, 30]:
    print(x * 2)
for k in {"one": 1, "two": 2}:
    print(k)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")

total = 0
for i in range(20):
    if i % 3 == 0:
        continue
    total += i
print("total", total)

for i in []:
    print("never")
else:
    print("empty loop else")

for i in range(3):
    pass
print("loop var after loop:", i)

for x in range(10):
    if x == 4:
        break
else:
    print("not printed")
print("broke at", x)
