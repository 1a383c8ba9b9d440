# Function objects: __name__, __qualname__, __doc__, custom attributes, identity.
def documented(a, b):
    """Adds two things."""
    return a + b

print(documented.__name__)
print(documented.__qualname__)
print(documented.__doc__)
print(documented.__module__)

def nodoc():
    pass
print(nodoc.__doc__)

documented.tag = "math"
documented.calls = 0
documented.calls += 1
print(documented.tag, documented.calls)

class K:
    def method(self):
        def local():
            pass
        return local
print(K.method.__name__, K.method.__qualname__)
print(K().method().__qualname__)

alias = documented
print(alias.__name__, alias is documented, alias(2, 3))
print(callable(documented), callable(5), callable(K), callable(K()))
print(type(documented).__name__)
fns = [documented, nodoc, len]
print([f.__name__ for f in fns])
print(repr(len))
