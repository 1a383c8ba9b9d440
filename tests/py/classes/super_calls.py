# super() with zero args in methods, classmethods and multi-level chains.
class Base:
    def __init__(self, v):
        self.log = ["Base(%s)" % v]
        self.v = v
    def value(self):
        return self.v
    @classmethod
    def create(cls, v):
        return cls(v)
    def __repr__(self):
        return "Base"

class Mid(Base):
    def __init__(self, v):
        super().__init__(v * 2)
        self.log.append("Mid")
    def value(self):
        return super().value() + 1
    @classmethod
    def create(cls, v):
        obj = super().create(v)
        obj.log.append("Mid.create")
        return obj

class Top(Mid):
    def __init__(self, v):
        super().__init__(v + 1)
        self.log.append("Top")
    def value(self):
        return super().value() * 10
    def __repr__(self):
        return "Top<" + super().__repr__() + ">"

t = Top(1)
print(t.log, t.v, t.value())
t2 = Top.create(5)
print(t2.log, t2.value(), type(t2).__name__)
print(repr(t))
print(super(Top, t).value(), super(Mid, t).value())

class Str(str):
    def shout(self):
        return super().upper() + "!"
print(Str("hey").shout(), len(Str("abc")))

class MyList(list):
    def append(self, x):
        super().append(x * 2)
m = MyList()
m.append(1); m.append(5)
print(m, len(m), isinstance(m, list))
