# Closing generators: GeneratorExit, finally blocks, close() and throw().
def resource():
    print("  open")
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("  close resource")

g = resource()
print(next(g))
g.close()
print("closed")
g.close()
try:
    next(g)
except StopIteration:
    print("StopIteration after close")

for v in resource():
    if v == 2:
        break
print("after break")

def catcher():
    try:
        yield "a"
    except GeneratorExit:
        print("  GeneratorExit seen")
        raise
g = catcher()
next(g)
g.close()

def thrower():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  handled", e)
            yield "recovered"
t = thrower()
print(next(t))
print(t.throw(ValueError("boom")))
print(next(t))
try:
    t.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(t)
except StopIteration:
    print("dead generator")

def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def unstarted():
    print("  never runs")
    yield
u = unstarted()
u.close()
print("unstarted closed")
