# except with a tuple of classes; bare raise re-raises the active exception.
def risky(n):
    if n == 0:
        return 1 / n
    if n == 1:
        return [][n]
    if n == 2:
        return {}[n]
    if n == 3:
        return int("x")
    return n

for n in range(5):
    try:
        print(n, "->", risky(n))
    except (ZeroDivisionError, IndexError) as e:
        print(n, "arith/index:", type(e).__name__, e)
    except (KeyError, ValueError) as e:
        print(n, "key/value:", type(e).__name__, e)

def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise

try:
    reraiser()
except ValueError as e:
    print("outer got", e)

def reraise_after_other():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError:
            pass
        raise
try:
    reraise_after_other()
except KeyError as e:
    print("re-raised", repr(e))

classes = (TypeError, ValueError)
try:
    raise ValueError("dynamic tuple")
except classes as e:
    print("matched dynamic tuple:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
