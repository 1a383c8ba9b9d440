# Closures capture variables from enclosing scopes.
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()
print(outer()())

def make_acc():
    items = []
    def add(v):
        items.append(v)
        return list(items)
    def get():
        return items
    return add, get
add, get = make_acc()
add(1); add(2)
print(get(), add(3))

def late():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
def early():
    fns = []
    for i in range(3):
        fns.append(lambda i=i: i)
    return [f() for f in fns]
print(late(), early())

def change_after():
    v = 1
    def get():
        return v
    v = 2
    return get
print(change_after()())
print(add5.__closure__ is not None, make_adder.__closure__)
