# TypeErrors from calling functions with the wrong arguments.
def one(a):
    return a
def two(a, b=2):
    return a
def kw(*, x):
    return x

five, text, nothing = 5, "abc", None
tests = [
    lambda: one(),
    lambda: one(1, 2),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: one(b=1),
    lambda: one(1, a=1),
    lambda: kw(1),
    lambda: kw(),
    lambda: kw(y=1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: five(),
    lambda: text(),
    lambda: nothing(),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, "no error")
    except TypeError as e:
        print(i, "TypeError:", e)

class C:
    def m(self, x):
        return x
try:
    C().m()
except TypeError as e:
    print("TypeError:", e)
try:
    C().m(1, 2)
except TypeError as e:
    print("TypeError:", e)
