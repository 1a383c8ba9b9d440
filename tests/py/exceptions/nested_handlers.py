# Nested try statements and exceptions crossing function frames.
def level3(x):
    if x < 0:
        raise ValueError("negative: %d" % x)
    return x * 2

def level2(x):
    try:
        return level3(x)
    except TypeError:
        print("level2 saw TypeError")
        return None

def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        print("level1 caught", e)
        return -1
    finally:
        print("level1 finally for", x)

print(level1(5))
print(level1(-3))
print(level1("s"))

try:
    try:
        try:
            raise KeyError("deep")
        except KeyError as e:
            print("1st handler", e)
            raise IndexError("second")
    except IndexError as e:
        print("2nd handler", e, "context:", repr(e.__context__))
        raise ValueError("third")
except ValueError as e:
    print("3rd handler", e, repr(e.__context__), repr(e.__context__.__context__))

def gen_err(n):
    for i in range(n):
        try:
            if i % 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield "err%s" % e
print(list(gen_err(5)))

e_name = "unset"
try:
    raise ValueError("scoped")
except ValueError as e_name:
    pass
print("e_name" in dir())
