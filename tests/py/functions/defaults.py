# Default argument values, evaluated once at definition time.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))

def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))

def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))

counter = 10
def snapshot(v=counter):
    return v
counter = 20
print(snapshot(), counter)

def many(a, b=2, c=3, d=4):
    return (a, b, c, d)
print(many(1), many(1, 20), many(1, d=40), many(1, 2, 3, 4), many(a=0, c=30))
print(many.__defaults__)
