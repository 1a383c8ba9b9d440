# A body that is not indented.
def f():
return 1

print(f())
