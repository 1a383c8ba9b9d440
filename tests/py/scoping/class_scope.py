# Names defined in a class body are not visible inside its methods.
value = "module value"

class C:
    value = "class value"
    other = value + "!"
    def method(self):
        return value
    def method_self(self):
        return self.value
    def method_cls(self):
        return C.value

c = C()
print(c.method(), "|", c.method_self(), "|", c.method_cls(), "|", C.other)

def factory():
    local = "function local"
    class Inner:
        attr = local
        def get(self):
            return local
    return Inner
I = factory()
print(I.attr, I().get())

class Counter:
    n = 0
    def inc(self):
        try:
            n += 1
        except UnboundLocalError as e:
            return "UnboundLocalError: " + str(e)
print(Counter().inc())

class Shadow:
    len = 5
    size = len
    def m(self):
        return len([1, 2, 3])
print(Shadow.size, Shadow().m())
x = 10
class UsesGlobal:
    x = x + 1
print(UsesGlobal.x, x)
