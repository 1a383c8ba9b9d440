"""krait: the Python half of BaseExceptionGroup and ExceptionGroup.

The classes are built-in exceptions; their native methods call these functions:
_new_class picks the class and checks the arguments as CPython's
BaseExceptionGroup.__new__ does, _fields gives the message and exceptions
attributes, and subgroup/split/derive follow CPython 3.11's algorithms.
"""


def _new_class(cls, args, has_kwargs):
    name = cls.__name__
    if has_kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")
    if len(args) != 2:
        raise TypeError(f"BaseExceptionGroup.__new__() takes exactly 2 arguments ({len(args)} given)")
    message, excs = args
    if not isinstance(message, str):
        raise TypeError(f"BaseExceptionGroup.__new__() argument 1 must be str, not {type(message).__name__}")
    if isinstance(excs, (set, frozenset, dict)) or not hasattr(type(excs), "__getitem__") \
            or not hasattr(type(excs), "__len__"):
        raise TypeError("second argument (exceptions) must be a sequence")
    excs = tuple(excs)
    if not excs:
        raise ValueError("second argument (exceptions) must be a non-empty sequence")
    nested_base = False
    for i, e in enumerate(excs):
        if not isinstance(e, BaseException):
            raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        if not isinstance(e, Exception):
            nested_base = True
    if cls is BaseExceptionGroup:
        if not nested_base:
            cls = ExceptionGroup
    elif issubclass(cls, Exception):
        if nested_base:
            if cls is ExceptionGroup:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
            raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
    return cls


def _str(eg):
    n = len(eg.exceptions)
    return "%s (%d sub-exception%s)" % (eg.message, n, "" if n == 1 else "s")


def _matcher(cond):
    if callable(cond) and not isinstance(cond, type):
        return lambda e: bool(cond(e))
    if isinstance(cond, type) and issubclass(cond, BaseException):
        return lambda e: isinstance(e, cond)
    if type(cond) is tuple and all(isinstance(c, type) and issubclass(c, BaseException) for c in cond):
        return lambda e: isinstance(e, cond)
    raise TypeError("expected a function, exception type or tuple of exception types")


def _subset(eg, excs):
    if not excs:
        return None
    new = eg.derive(excs)
    if not isinstance(new, BaseExceptionGroup):
        raise TypeError("derive must return an instance of BaseExceptionGroup")
    new.__cause__ = eg.__cause__
    new.__context__ = eg.__context__
    new.__traceback__ = eg.__traceback__
    if hasattr(eg, "__notes__"):
        new.__notes__ = eg.__notes__
    return new


def _split(exc, match, want_rest):
    if match(exc):
        return exc, None
    if not isinstance(exc, BaseExceptionGroup):
        return None, (exc if want_rest else None)
    matched = []
    rest = []
    for e in exc.exceptions:
        m, r = _split(e, match, want_rest)
        if m is not None:
            matched.append(m)
        if r is not None:
            rest.append(r)
    return _subset(exc, matched), (_subset(exc, rest) if want_rest else None)


def subgroup(eg, cond):
    return _split(eg, _matcher(cond), False)[0]


def split(eg, cond):
    return _split(eg, _matcher(cond), True)


def derive(eg, excs):
    return BaseExceptionGroup(eg.message, excs)
