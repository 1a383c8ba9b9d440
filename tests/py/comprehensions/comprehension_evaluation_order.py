# Evaluation order in comprehensions: outer iterable first, conditions per item.
log = []
def src(name, n):
    log.append("src " + name)
    return range(n)
def cond(v):
    log.append("cond %d" % v)
    return v % 2 == 0
def val(v):
    log.append("val %d" % v)
    return v * 10
print([val(x) for x in src("a", 4) if cond(x)])
print(log)
log.clear()
print([(x, y) for x in src("outer", 2) for y in src("inner", 2)])
print(log)
log.clear()
print({val(x): val(x + 1) for x in src("d", 2)})
print(log)
log.clear()
result = [x for x in [3, 1, 2]]
result.sort()
print(result)
data = [1, 2, 3]
print([data.append(9) for _ in range(0)], data)
print([x for x in data if x > 1 and x < 9 or x == 1])
