# Augmented assignment on names, attributes and subscripts.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 10; print(x)
x /= 4; print(x)
y = 0b1111
y &= 0b1010; print(y)
y |= 0b0101; print(y)
y ^= 0b0011; print(y)
y <<= 4; print(y)
y >>= 2; print(y)

class Box:
    def __init__(self):
        self.n = 1
        self.items = []

b = Box()
b.n += 41
b.items += [1, 2]
b.items += (3,)
print(b.n, b.items)

d = {"a": 1}
d["a"] += 10
d["b"] = d.get("b", 0) + 5
d["b"] *= 3
print(d)
lst = [1, 2, 3]
lst[1] += 100
lst[-1] **= 2
print(lst)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
l1 = [1]
l2 = l1
l1 += [2]
print(l1, l2, l1 is l2)
l1 = l1 + [3]
print(l1, l2, l1 is l2)
calls = []
def key():
    calls.append("key")
    return 0
arr = [5]
arr[key()] += 1
print(arr, calls)
