# __enter__/__exit__: order of calls, return values, suppression.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracker("a") as v:
    print("body", v)

with Tracker("outer") as o, Tracker("inner") as i:
    print("body", o, i)

with Tracker("s", suppress=True):
    print("about to raise")
    raise ValueError("boom")
print("after suppressed")

try:
    with Tracker("ns"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

def f():
    with Tracker("ret"):
        return "returned"
print(f())

for i in range(3):
    with Tracker("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

with Tracker("nested1"):
    with Tracker("nested2", suppress=True):
        1 / 0
    print("between")
print("done")
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
