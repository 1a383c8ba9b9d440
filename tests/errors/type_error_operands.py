# Unsupported operand types in a binary operation.
count = 3
label = "items: "
print(label + str(count))
print(count + label)
