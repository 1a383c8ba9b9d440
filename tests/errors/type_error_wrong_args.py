# Calling a function with the wrong number of arguments.
def square(x):
    return x * x

print(square(4))
print(square(4, 5))
