# An unmatched closing parenthesis.
print("never printed")
value = (1 + 2))
