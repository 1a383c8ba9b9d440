# Functions as values: passing, returning, storing in containers.
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x

def double(x):
    return x * 2

print(apply_n(double, 10, 1))
print(apply_n(lambda s: s + "!", 3, "hey"))

def pipeline(*fns):
    def run(x):
        for f in fns:
            x = f(x)
        return x
    return run

p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(p("  Hello Big World  "))

table = [abs, str, repr, len, double]
for f in table:
    print(f.__name__, f([1, 2]) if f in (len, double, str, repr) else f(-3))

def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w

@memo
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), len(slow_square.cache))

print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(max(["apple", "fig", "banana"], key=len))
