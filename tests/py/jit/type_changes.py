# The same variable changes type mid-loop: int -> float -> big int (past 2**63) -> str.
# A trace specialised on the first type must guard and fall back (or re-specialise).

def mixed(n):
    x = 0
    log = []
    for i in range(n):
        if i < 1500:
            x = x + i            # int
        elif i < 3000:
            x = x + 0.5          # float
        elif i < 4500:
            x = int(x) * 3 + 2**63 if i == 3000 else x + i  # big int past 2**63
        else:
            x = str(i) if i % 2 else str(i) + "!"          # str
        if i % 750 == 0 or i in (1499, 1500, 2999, 3000, 3001, 4499, 4500, 4501):
            log.append((i, type(x).__name__, x))
    return x, log

x, log = mixed(6000)
print(repr(x))
for entry in log:
    print(entry)

# A variable that flips between int and float every iteration after a warm-up.
def flip(n):
    acc = 0
    v = 1
    for i in range(n):
        if i >= 2500:
            v = 1.5 if i % 2 else 2
        acc += v
    return acc
print(flip(5000))

# Same slot holding int, bool, None, float, str, tuple, list, with operations on each.
def poly(n):
    total = 0
    seen = {}
    for i in range(n):
        k = i // 700
        if k == 0:
            y = i
        elif k == 1:
            y = i % 3 == 0
        elif k == 2:
            y = None
        elif k == 3:
            y = i / 4
        elif k == 4:
            y = "s" * (i % 5)
        elif k == 5:
            y = (i, i + 1)
        else:
            y = [i] * (i % 3)
        name = type(y).__name__
        seen[name] = seen.get(name, 0) + 1
        if y is None:
            total += 1
        elif isinstance(y, (tuple, list, str)):
            total += len(y)
        else:
            total += y
    return total, seen
print(poly(5600))

# Module-level loop with a type change of a global variable.
g = 1
for i in range(4000):
    if i == 2000:
        g = float(g)
    if i == 3000:
        g = int(g) + 2**64
    g = g + 1
print(g, type(g).__name__)

# An int that grows into a big int and is then reduced back to small int in the loop.
z = 1
trace = []
for i in range(3000):
    z = z * 3
    if z > 2**70:
        z = z % 1000003
        trace.append(i)
print(z, len(trace), trace[:5], trace[-3:])
