# pass statements, empty bodies and Ellipsis.
def stub():
    pass

class Empty:
    pass

def dots():
    ...

print(stub(), dots())
print(type(Empty).__name__, Empty.__name__)
print(..., Ellipsis, ... is Ellipsis)
for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
x = 0
while x < 3:
    x += 1
    if x == 2:
        pass
    print(x)
print("done")
