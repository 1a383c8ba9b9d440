# Context managers that suppress some exceptions but not others.
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = []
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught.append(repr(ev))
            return True
        return False

s = Suppress(KeyError, IndexError)
for i in range(4):
    try:
        with s:
            if i == 0:
                {}["a"]
            elif i == 1:
                [][1]
            elif i == 2:
                1 / 0
            print("no exception in", i)
    except ZeroDivisionError as e:
        print("escaped:", e)
print(s.caught)

class Transaction:
    def __init__(self):
        self.state = []
    def __enter__(self):
        self.state.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.state.append("rollback" if et else "commit")
        return False

t = Transaction()
with t:
    t.state.append("work")
try:
    with t:
        t.state.append("fail")
        raise RuntimeError("abort")
except RuntimeError:
    pass
print(t.state)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("body")
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))
