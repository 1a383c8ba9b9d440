# if / elif / else chains and truthiness of various values.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))

for v in [0, 1, "", "a", [], [0], {}, {1: 2}, None, 0.0, -0.0, 2.5, (), (None,)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")

x = 7
if x > 5:
    if x % 2:
        print("big odd")
    else:
        print("big even")
y = "yes" if x > 3 else "no"
z = "a" if x < 0 else "b" if x < 5 else "c"
print(y, z)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" and "x")
print(not 0, not 1, not [], not None)
if not x == 8 and (x > 1 or x < -1):
    print("compound ok")
