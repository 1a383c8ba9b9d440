"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)                # make a shallow copy of y
        x = copy.deepcopy(y)            # make a deep copy of y
        x = copy.deepcopy(y, memo)      # make a deep copy of y using memo

For module specific errors, copy.Error is raised.

krait: CPython 3.11's copy module. krait's objects have no __reduce_ex__,
so the default reduction of instances (what object.__reduce_ex__(4) and
copyreg do: __getnewargs_ex__/__getnewargs__, __getstate__, __dict__ and
__slots__, list and dict items) is done here; classes defining __copy__,
__deepcopy__, __reduce_ex__ or __reduce__ are honoured as in CPython.
"""


class Error(Exception):
    pass
error = Error   # backward compatibility

__all__ = ["Error", "copy", "deepcopy"]


def _f():
    pass


class _C:
    def _m(self):
        pass


try:
    _complex = complex
except NameError:       # krait has no complex numbers yet
    _complex = type(None)
_FunctionType = type(_f)
_BuiltinFunctionType = type(len)
_MethodType = type(_C()._m)
_CodeType = type(_f.__code__)
del _f, _C


def _slotnames(cls):
    names = []
    for c in cls.__mro__:
        if "__slots__" in c.__dict__:
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                elif name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    if stripped:
                        names.append('_%s%s' % (stripped, name))
                    else:
                        names.append(name)
                else:
                    names.append(name)
    return names


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


_object_reduce_ex = getattr(object, '__reduce_ex__', None)
_object_reduce = getattr(object, '__reduce__', None)
_object_getstate = getattr(object, '__getstate__', None)


def _reduce(x):
    """x.__reduce_ex__(4) as CPython computes it."""
    cls = type(x)
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None and reductor is not _object_reduce_ex:
        return x.__reduce_ex__(4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None and reductor is not _object_reduce:
        return x.__reduce__()
    getstate = getattr(cls, '__getstate__', None)
    slots = _slotnames(cls)
    if (getstate is None or getstate is _object_getstate) and not slots:
        try:
            x.__dict__
        except AttributeError:
            raise TypeError(f"cannot pickle {cls.__name__!r} object") from None
    if getattr(cls, '__getnewargs_ex__', None) is not None:
        args, kwargs = x.__getnewargs_ex__()
        func, fargs = _newobj_ex, (cls, tuple(args), dict(kwargs))
    elif getattr(cls, '__getnewargs__', None) is not None:
        func, fargs = _newobj, (cls,) + tuple(x.__getnewargs__())
    else:
        func, fargs = _newobj, (cls,)
    if getstate is not None and getstate is not _object_getstate:
        state = x.__getstate__()
    else:
        state = getattr(x, '__dict__', None) or None
        if slots:
            slotstate = {}
            for name in slots:
                try:
                    slotstate[name] = getattr(x, name)
                except AttributeError:
                    pass
            if slotstate:
                state = (state, slotstate)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return func, fargs, state, listitems, dictitems


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}

def _copy_immutable(x):
    return x
for t in (type(None), int, float, bool, _complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          _BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          _FunctionType, _CodeType):
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

del d, t

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo) # Make sure x lives at least as long as d
    return y

_deepcopy_dispatch = d = {}

def _deepcopy_atomic(x, memo):
    return x
d[type(None)] = _deepcopy_atomic
d[type(Ellipsis)] = _deepcopy_atomic
d[type(NotImplemented)] = _deepcopy_atomic
d[int] = _deepcopy_atomic
d[float] = _deepcopy_atomic
d[bool] = _deepcopy_atomic
d[_complex] = _deepcopy_atomic
d[bytes] = _deepcopy_atomic
d[str] = _deepcopy_atomic
d[_CodeType] = _deepcopy_atomic
d[type] = _deepcopy_atomic
d[range] = _deepcopy_atomic
d[_BuiltinFunctionType] = _deepcopy_atomic
d[_FunctionType] = _deepcopy_atomic
d[property] = _deepcopy_atomic

def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict

def _deepcopy_set(x, memo, deepcopy=deepcopy):
    # What set.__reduce__ gives: the class called with a list of the items.
    y = type(x)([deepcopy(a, memo) for a in x])
    return y
d[set] = _deepcopy_set
d[frozenset] = _deepcopy_set

def _deepcopy_bytearray(x, memo):
    return bytearray(x)
d[bytearray] = _deepcopy_bytearray

def _deepcopy_method(x, memo): # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))
d[_MethodType] = _deepcopy_method

del d

def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)]=[x]

def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = (deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
