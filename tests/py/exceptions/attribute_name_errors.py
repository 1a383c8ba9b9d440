# AttributeError and NameError messages.
class Thing:
    def __init__(self):
        self.present = 1

def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except (AttributeError, NameError) as e:
        print(label, "->", type(e).__name__ + ":", e)

attempt("instance attr", lambda: Thing().absent)
attempt("class attr", lambda: Thing.absent)
attempt("int attr", lambda: (5).foo)
attempt("str method", lambda: "abc".nosuch())
attempt("list attr", lambda: [].push)
attempt("None attr", lambda: None.x)
attempt("dict attr", lambda: {}.has_key)
attempt("set int attr", lambda: setattr(5, "x", 1))
attempt("module-ish", lambda: undefined_name)
attempt("in function", lambda: [x for x in range(1)] + [not_defined_anywhere])
def local_unbound():
    print(v)
    v = 1
attempt("unbound local", local_unbound)
def uses_free():
    def inner():
        return w
    inner()
    w = 2
attempt("free var", uses_free)
import sys
attempt("module attr", lambda: sys.nonexistent_attribute)
attempt("builtin fn attr", lambda: len.whatever)
e = AttributeError("custom message")
print(str(e), e.args)
try:
    Thing().absent
except AttributeError as err:
    print(err.name if hasattr(err, "name") else "n/a")
