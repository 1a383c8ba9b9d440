# NameError vs UnboundLocalError in different scopes.
def f1():
    return undefined_thing
try:
    f1()
except NameError as e:
    print(type(e).__name__, e)

def f2():
    if False:
        z = 1
    return z
try:
    f2()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def f3():
    def inner():
        return q
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    q = 1
print(f3())

g = "global g"
def f4():
    try:
        return g
    finally:
        pass
print(f4())

def f5():
    for k in range(0):
        pass
    return k
try:
    f5()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    print(nope)
except NameError as e:
    print(type(e).__name__, e)
