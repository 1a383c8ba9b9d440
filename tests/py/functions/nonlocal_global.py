# nonlocal and global statements.
total = 0

def add_global(n):
    global total
    total += n
    return total

print(add_global(5), add_global(7), total)

def create_global():
    global created
    created = "made inside"
create_global()
print(created)

def outer():
    x = 1
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
        inner()
        return x
    r = mid()
    return x, r
print(outer())

def shadow():
    total = "local"
    def g():
        global total
        return total
    return total, g()
print(shadow())

def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def dec():
        nonlocal n
        n -= 1
    def get():
        return n
    return inc, dec, get
inc, dec, get = counter_pair()
for _ in range(5):
    inc()
dec()
print(get())

x = "global x"
def reader():
    return x
def writer():
    x = "local x"
    return x
print(reader(), writer(), x)
