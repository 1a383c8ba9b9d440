"""Abstract Base Classes (ABCs) according to PEP 3119.

krait's abc, written in Python: ABCMeta computes each class's __abstractmethods__
(the runtime refuses to instantiate a class whose set is not empty, as CPython's
object.__new__ does), keeps virtual subclasses registered with register(), and
answers isinstance/issubclass through __subclasshook__, the registry and the MRO.
"""


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A classmethod that is also abstract (deprecated: use classmethod(abstractmethod))."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A staticmethod that is also abstract (deprecated: use staticmethod(abstractmethod))."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A property that is also abstract (deprecated: use property(abstractmethod))."""

    __isabstractmethod__ = True


_abc_invalidation_counter = 0

# Every class made by ABCMeta, so that a registration on a subclass of an ABC also
# counts for the ABC (CPython walks __subclasses__()).
_all_abcs = []


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    if isinstance(value, (classmethod, staticmethod)):
        return getattr(value.__func__, "__isabstractmethod__", False)
    if isinstance(value, property):
        return any(getattr(f, "__isabstractmethod__", False) for f in (value.fget, value.fset, value.fdel))
    return False


def _compute_abstracts(cls):
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls)
        cls._abc_registry = []
        _all_abcs.append(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if cls in subclass.__mro__:
            return True
        hook = getattr(cls, "__subclasshook__", None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        for scls in _all_abcs:
            if cls in scls.__mro__:
                for r in scls.__dict__.get("_abc_registry", ()):
                    if r is subclass or issubclass(subclass, r):
                        return True
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)
        print("_abc_registry: %r" % (cls._abc_registry,), file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""


def get_cache_token():
    """Returns the current ABC cache token (changes on every register())."""
    return _abc_invalidation_counter


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""

    __slots__ = ()


def _subclasshook_default(cls, C):
    return NotImplemented


ABC.__subclasshook__ = classmethod(_subclasshook_default)
