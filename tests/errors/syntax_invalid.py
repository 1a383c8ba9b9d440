# An invalid statement: nothing runs, CPython reports a SyntaxError.
print("this is never printed")
x = 1 +* 2
