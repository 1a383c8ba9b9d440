# while loops with break, continue and else.
i = 0
while i < 5:
    print("i =", i)
    i += 1
print("after", i)

n = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 9:
        break
    print("odd", n)

def find(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print(target, "not found")

find([4, 8, 15, 16], 15)
find([4, 8, 15, 16], 23)
find([], 1)

count = 3
while count:
    count -= 1
else:
    print("else runs when condition false, count =", count)

a, b = 0, 1
while b < 200:
    a, b = b, a + b
    print(a, end=" ")
print()
