# Uncaught ZeroDivisionError at module level.
print("computing")
a = 10
b = 0
print(a // 2)
print(a / b)
print("never printed")
