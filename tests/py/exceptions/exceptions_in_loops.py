# Exceptions used for control flow inside loops; error counting.
data = ["1", "2", "x", "4", "", "6.5", "-7"]
total = 0
errors = []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        errors.append(str(e))
print(total)
for e in errors:
    print(e)

def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
print([safe_div(1, b) for b in [1, 0, 2, 0, 4]])

d = {"a": 1}
keys = ["a", "b", "a", "c"]
found = []
for k in keys:
    try:
        found.append(d[k])
    except KeyError as e:
        found.append("missing " + repr(e.args[0]))
print(found)

attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 4:
            raise ConnectionError("try %d" % attempts)
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("retry:", e)

it = iter([1, 2, 3])
while True:
    try:
        v = next(it)
    except StopIteration:
        print("exhausted")
        break
    print("value", v)
