# Decorators with and without arguments, stacking and wrapping.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper

@shout
def hello(name):
    return "hello " + name
print(hello("world"))

def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def roll(x):
    return x * 2
print(roll(21))

calls = []
def trace(fn):
    def wrapper(*args):
        calls.append(fn.__name__ + str(args))
        return fn(*args)
    wrapper.__name__ = fn.__name__
    return wrapper

@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(5), calls, fact.__name__)

def bracket(tag):
    def deco(fn):
        def w():
            return "<" + tag + ">" + fn() + "</" + tag + ">"
        return w
    return deco

@bracket("b")
@bracket("i")
def text():
    return "hi"
print(text())

registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return 1
@register
def beta():
    return 2
print(sorted(registry), registry["beta"]())

class counted:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0
    def __call__(self, *a):
        self.count += 1
        return self.fn(*a)
@counted
def ping():
    return "pong"
ping(); ping()
print(ping(), ping.count)
