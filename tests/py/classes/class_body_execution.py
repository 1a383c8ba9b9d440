# Class bodies execute top to bottom; class attributes and nested classes.
print("before class")
class Config:
    print("in class body")
    name = "cfg"
    values = [i * i for i in range(4)]
    upper = name.upper()
    class Inner:
        level = 2
    def get(self):
        return self.name
    if len(values) > 3:
        big = True
    else:
        big = False
print("after class")
print(Config.name, Config.values, Config.upper, Config.Inner.level, Config.big)
print(Config.Inner.__name__, Config.Inner.__qualname__)
print(Config().get())
c = Config()
c.values.append(99)
print(Config.values)

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
cs = [Counter() for _ in range(4)]
print([c.id for c in cs], Counter.instances)
print(Config.__module__, Config.__doc__)
