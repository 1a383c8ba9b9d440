# Execution order of try/except/else/finally.
def run(mode):
    log = []
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError("v")
        if mode == "return":
            return log + ["returned"]
        log.append("try-end")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log

for m in ["ok", "raise", "return"]:
    print(m, run(m))

def unhandled():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError("x")
        except ValueError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("outer except")
    return log
print(unhandled())

try:
    pass
finally:
    print("finally without except")

for i in range(3):
    try:
        if i == 1:
            raise RuntimeError("one")
        print("iteration", i)
    except RuntimeError as e:
        print("caught", e)
    else:
        print("no error in", i)
    finally:
        print("cleanup", i)
