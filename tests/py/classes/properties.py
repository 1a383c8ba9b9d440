# property with getter, setter and deleter.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self._balance = 0
        self.history = []
    @property
    def balance(self):
        self.history.append("get")
        return self._balance
    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        self.history.append("set %d" % value)
        self._balance = value
    @balance.deleter
    def balance(self):
        self.history.append("del")
        self._balance = 0
    @property
    def summary(self):
        return "%s: %d" % (self.owner, self._balance)

a = Account("ann")
a.balance = 100
a.balance += 50
print(a.balance, a.summary)
try:
    a.balance = -5
except ValueError as e:
    print("ValueError:", e)
del a.balance
print(a.balance)
print(a.history)
try:
    a.summary = "x"
except AttributeError as e:
    print("AttributeError:", e)

class Circle:
    def __init__(self, r):
        self.r = r
    def _area(self):
        return 3 * self.r * self.r
    area = property(_area)
    def get_d(self):
        return self.r * 2
    def set_d(self, d):
        self.r = d / 2
    diameter = property(get_d, set_d)
c = Circle(2)
print(c.area, c.diameter)
c.diameter = 10
print(c.r, c.area)
print(type(Circle.area).__name__)
