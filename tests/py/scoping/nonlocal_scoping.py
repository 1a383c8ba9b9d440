# nonlocal binds to the nearest enclosing function scope.
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    m = middle()
    return x, m
print(outer())

def counter_gen():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
a = counter_gen()
b = counter_gen()
print([a() for _ in range(3)], b(), a())

def loop_closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for v in range(10):
        add(v)
    return total
print(loop_closure())

def modify_list():
    items = []
    def add(v):
        items.append(v)
    add(1); add(2)
    return items
print(modify_list())

def rebind_param(p):
    def change():
        nonlocal p
        p = p * 2
    change()
    change()
    return p
print(rebind_param(3), rebind_param("ab"))
