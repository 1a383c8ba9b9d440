# finally blocks interacting with return, break and continue.
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

def finally_sees_value():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally x =", x)
print(finally_sees_value())

log = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append("body%d" % i)
    finally:
        log.append("fin%d" % i)
print(log)

def nested_finally():
    out = []
    try:
        try:
            out.append("inner")
            return out
        finally:
            out.append("inner-finally")
    finally:
        out.append("outer-finally")
print(nested_finally())

def count_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("while finally", n)
print(count_finally())

def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "break discarded exception"
print(break_swallows())
