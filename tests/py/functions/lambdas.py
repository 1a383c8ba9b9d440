# Lambda expressions in variables, sorting keys and higher-order functions.
sq = lambda x: x * x
add = lambda a, b=1: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")())
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))
print(sq.__name__, (lambda: 0).__name__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in ["+", "-", "*"]:
    print(6, sym, 3, "=", ops[sym](6, 3))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
varargs = lambda *a, **k: (a, sorted(k.items()))
print(varargs(1, 2, z=3, y=4))
