# Chained assignment binds the same object to every target, left to right.
a = b = c = 7
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
lst = [0, 0, 0]
i = lst[i] = 1 if False else 2
print(i, lst)
d = {}
d["a"] = d["b"] = len(d)
print(d)
class O:
    pass
o = O()
o.p = o.q = "same"
print(o.p, o.q)
m, n = p = (1, 2)
print(m, n, p)
first = second = third = "abc"[1:]
print(first, second, third)
