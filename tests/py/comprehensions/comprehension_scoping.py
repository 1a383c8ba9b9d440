# The loop variable of a comprehension does not leak; outer names are visible.
x = "outer"
lst = [x for x in range(3)]
print(lst, x)
y = 10
print([y + i for i in range(3)])
print({i: x for i in range(2)})
for_var = "kept"
print([for_var for _ in range(2)])

def f():
    n = 5
    return [n * i for i in range(3)]
print(f())

class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [items[0] for _ in range(1)]
    except NameError as e:
        bad = "NameError: " + str(e)
print(C.doubled, C.bad)

funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs])
i = "global i"
g = (i for i in range(2))
print(list(g), i)
print([[j for j in range(i)] for i in range(4)])
print([(a := k) for k in range(3)], a)
