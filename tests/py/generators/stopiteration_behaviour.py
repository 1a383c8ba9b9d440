# StopIteration semantics in generators, next() defaults and iterator exhaustion.
def gen():
    yield 1
    return "ret"

g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", repr(e.value))
print(next(g, "default"))
print(next(iter([]), None))

def leaks():
    yield 1
    raise StopIteration("inside")
try:
    list(leaks())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def uses_next(it):
    for x in it:
        yield x
    yield "after"
print(list(uses_next(iter([1, 2]))))

def stops_early():
    it = iter([1, 2])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return "clean"
print(list(stops_early()))

it = iter([1, 2, 3])
print(list(it), list(it))
print(list(zip([1, 2, 3], iter("ab"))))
r = gen()
print(list(r), list(r))
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), [x for x in It()], sum(It()))
