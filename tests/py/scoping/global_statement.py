# global statements in functions and nested functions.
counter = 0
names = []

def inc():
    global counter
    counter += 1

def append(n):
    names.append(n)

for i in range(5):
    inc()
    append(i)
print(counter, names)

def set_new():
    global brand_new
    brand_new = 42
try:
    print(brand_new)
except NameError as e:
    print("NameError:", e)
set_new()
print(brand_new)

def nested_global():
    def inner():
        global counter
        counter = -1
    inner()
    return counter
print(nested_global(), counter)

def local_then_global():
    counter = "local"
    def g():
        global counter
        return counter
    return counter, g()
print(local_then_global())

def unbound():
    print(counter)
    counter = 5
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
