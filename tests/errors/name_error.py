# Uncaught NameError from a misspelled name inside a function.
def total(items):
    result = 0
    for item in items:
        result += item
    return grand_sum

print("start")
print(total([1, 2, 3]))
