# Raising an exception class with no arguments prints just its name.
def validate(x):
    if x is None:
        raise ValueError
    return x

print(validate(1))
validate(None)
