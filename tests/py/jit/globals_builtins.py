# Globals and builtins rebound mid-loop: `len` shadowed by a global after 1500
# iterations (and un-shadowed again), builtins module attributes replaced, globals
# changed from another function, global constants changing type.
import builtins

def use_len(n, data):
    s = 0
    for i in range(n):
        if i == 1500:
            globals()["len"] = lambda x: 1000
        if i == 3000:
            del globals()["len"]
        s += len(data)
    return s
print("len shadow", use_len(4500, [1, 2, 3]))

SCALE = 2
def bump_scale():
    global SCALE
    SCALE = SCALE * 1.5 if isinstance(SCALE, float) else SCALE + 1

def use_global(n):
    s = 0
    for i in range(n):
        s += SCALE
        if i % 1000 == 999:
            bump_scale()       # changed by another function, not this loop
    return s
print("global bump", use_global(4000))

def builtin_replaced(n):
    orig = builtins.abs
    s = 0
    try:
        for i in range(n):
            if i == 2000:
                builtins.abs = lambda x: -7
            s += abs(-i)
    finally:
        builtins.abs = orig
    return s, abs(-3)
print("builtins.abs", builtin_replaced(4000))

def global_function_rebound(n):
    global helper
    s = 0
    for i in range(n):
        s += helper(i)
        if i == 1800:
            helper = lambda x: x * x
    return s
def helper(x):
    return x + 1
print("function rebound", global_function_rebound(3000))

def max_rebound(n):
    phases = []
    s = 0
    for i in range(n):
        if i == 1000:
            globals()["max"] = min           # shadow the builtin with a global
        if i == 2000:
            del globals()["max"]
            builtins.max = lambda *a: -1     # patch the builtin itself
        if i == 3000:
            builtins.max = ORIG_MAX
        s += max(i % 10, 5)
        if i % 1000 == 999:
            phases.append(s)
            s = 0
    return phases
ORIG_MAX = builtins.max
print("max", max_rebound(4000))

def global_type_change(n):
    global G
    G = 1
    s = 0
    for i in range(n):
        if i == 1200:
            G = 2.5
        if i == 2400:
            G = 2**70
        if i == 3600:
            G = "done"
        s = s + (G if not isinstance(G, str) else len(G))
        s = s % (2**80)
    return s
print("global types", global_type_change(4000))

def global_deleted(n):
    global TEMP
    TEMP = 1
    s = 0
    errs = 0
    for i in range(n):
        try:
            s += TEMP
        except NameError as e:
            errs += 1
            TEMP = i
        if i % 1000 == 500:
            del TEMP
    return s, errs
print("global deleted", global_deleted(4000))

# module-level loop: builtins and globals rebound
total = 0
for i in range(4000):
    if i == 1500:
        len = lambda x: -1
    if i == 2500:
        del len
    total += len("abc")
print("module len", total)

vals = []
for i in range(3000):
    if i == 1000:
        str = repr           # shadow str at module level
    if i == 2000:
        del str
    if i % 500 == 0:
        vals.append(str("x"))
print("module str", vals)

# exec-style namespace changes via globals().update in the loop
def update_globals(n):
    s = 0
    for i in range(n):
        if i % 700 == 0:
            globals().update({"K%d" % (i // 700): i, "FACTOR": i // 700 + 1})
        s += FACTOR
    return s, sorted(k for k in globals() if k.startswith("K"))
print("update globals", update_globals(3500))
