# A module-level hot loop whose body constructs an object whose __init__ fails
# (a ZeroDivisionError three frames down) after 3000 iterations.

def ratio(a, b):
    return a // b

class Cell:
    def __init__(self, i):
        self.value = ratio(i * 10, 3000 - i)

cells = []
for i in range(5000):
    cells.append(Cell(i))
    if i % 500 == 0:
        print(i, cells[-1].value)
print("unreachable")
