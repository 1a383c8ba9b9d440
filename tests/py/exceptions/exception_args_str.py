# Exception args, str() and repr() for zero, one and many arguments.
cases = [Exception(), Exception("one"), Exception("a", "b"), Exception(42),
         ValueError(""), KeyError("key"), KeyError(), KeyError(1, 2),
         IndexError("list index out of range"), RuntimeError(None), OSError("o"),
         StopIteration(5), ZeroDivisionError("division by zero"), AttributeError("x")]
for e in cases:
    print(type(e).__name__, e.args, "str=" + str(e), "repr=" + repr(e))
e = ValueError("x")
e.args = ("changed", 2)
print(e, e.args)
e.note = "custom attr"
print(e.note)
print(StopIteration(5).value, StopIteration().value)
print(isinstance(KeyError(), LookupError), isinstance(IndexError(), LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ArithmeticError, Exception))
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(FileNotFoundError, OSError))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
