# User-defined exception hierarchies and handler selection.
class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code

class DBError(AppError):
    pass

class ConnError(DBError):
    def __str__(self):
        return "connection failed: " + self.args[0]

class ValidationError(AppError, ValueError):
    pass

def raiser(kind):
    if kind == "db":
        raise DBError("db down", code=5)
    if kind == "conn":
        raise ConnError("timeout")
    if kind == "val":
        raise ValidationError("bad field", 3)
    if kind == "app":
        raise AppError("generic")
    if kind == "other":
        raise KeyError(kind)

for kind in ["db", "conn", "val", "app", "other", "none"]:
    try:
        raiser(kind)
        print(kind, "no exception")
    except ConnError as e:
        print(kind, "ConnError handler:", e, e.code)
    except DBError as e:
        print(kind, "DBError handler:", e, e.code)
    except ValueError as e:
        print(kind, "ValueError handler:", e, type(e).__name__)
    except AppError as e:
        print(kind, "AppError handler:", e, e.code)
    except Exception as e:
        print(kind, "Exception handler:", repr(e))

print([c.__name__ for c in ValidationError.__mro__])
print(repr(ConnError("x")), str(DBError("y")), repr(AppError("z", 9)))
class Empty(Exception):
    pass
print(repr(Empty()), str(Empty()), repr(Empty("a", 1)))
