"""Enumerations (CPython 3.11's enum module, in a smaller form).

Enum, IntEnum, StrEnum, Flag, IntFlag, ReprEnum, auto, unique and the functional API
(`Enum('Color', 'RED GREEN')`). Members are created by the metaclass `EnumType` from
the class body in definition order. Differences from CPython: the class body is a
plain dict, so redefining a name silently keeps the last value instead of raising;
`__members__` is a read-only mapping class of this module.
"""

import sys as _sys

__all__ = [
    "EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
    "auto", "unique", "property", "verify", "member", "nonmember", "FlagBoundary",
    "STRICT", "CONFORM", "EJECT", "KEEP", "global_enum", "EnumCheck", "CONTINUOUS",
    "NAMED_FLAGS", "UNIQUE",
]

_builtin_property = property
_FunctionType = type(lambda: None)


def _is_descriptor(obj):
    if isinstance(obj, (_FunctionType, classmethod, staticmethod, _builtin_property)):
        return True
    t = type(obj)
    return hasattr(t, "__get__") or hasattr(t, "__set__") or hasattr(t, "__delete__")


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" and name[-2:-1] != "_"


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name.lstrip("_"),)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)

    # The class body is a plain dict, so auto() values are resolved after it runs:
    # operators on them (`RW = R | W`) are recorded and evaluated then.
    def __or__(self, other):
        return _AutoOp(lambda a, b: a | b, self, other)

    def __ror__(self, other):
        return _AutoOp(lambda a, b: a | b, other, self)

    def __and__(self, other):
        return _AutoOp(lambda a, b: a & b, self, other)

    def __rand__(self, other):
        return _AutoOp(lambda a, b: a & b, other, self)

    def __xor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, self, other)

    def __rxor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, other, self)

    def __invert__(self):
        return _AutoOp(lambda a: ~a, self)


class _AutoOp(auto):
    """An operator applied to auto() values, evaluated once they are known."""

    def __init__(self, fn, *args):
        auto.__init__(self)
        self._fn = fn
        self._args = args

    def _resolve(self):
        return self._fn(*[_resolve_auto(a) for a in self._args])


def _resolve_auto(v):
    if isinstance(v, _AutoOp):
        return v._resolve()
    if isinstance(v, auto):
        return v.value
    return v


class member:
    """Forces an item to become an Enum member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Protects an item from becoming an Enum member."""

    def __init__(self, value):
        self.value = value


# enum.property (CPython's is a DynamicClassAttribute subclass).
property = _builtin_property


class FlagBoundary:
    pass


STRICT = "strict"
CONFORM = "conform"
EJECT = "eject"
KEEP = "keep"
UNIQUE = "unique"
CONTINUOUS = "no skipped integer values"
NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"


class EnumCheck:
    pass


def verify(*checks):
    def decorator(enumeration):
        return enumeration

    return decorator


def global_enum(cls):
    _sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


class _MembersView:
    """A read-only view of an enum's members by name (CPython shows a mappingproxy)."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def copy(self):
        return dict(self._mapping)

    def __eq__(self, other):
        if isinstance(other, _MembersView):
            other = other._mapping
        return self._mapping == other

    def __repr__(self):
        return "mappingproxy(%r)" % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


Enum = None
Flag = None
ReprEnum = None


def _find_data_type(bases):
    data_types = []
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    data_types.append(base._member_type_)
                    break
            elif base in (int, str, float, tuple, bytes) or "__new__" in base.__dict__:
                data_types.append(candidate or base)
                break
            else:
                candidate = candidate or base
    unique_types = []
    for t in data_types:
        if t not in unique_types:
            unique_types.append(t)
    if len(unique_types) > 1:
        raise TypeError("too many data types for enum: %r" % (unique_types,))
    return unique_types[0] if unique_types else object


def _find_new(classdict, member_type, first_enum):
    """The function that creates members, and whether it takes the value as arguments."""
    new = classdict.get("__new__", None)
    if new is not None:
        return new, True
    for base in (first_enum,):
        target = getattr(base, "_new_member_", None)
        if target is not None and target is not object.__new__:
            return target, True
    if member_type is object:
        return object.__new__, False
    return member_type.__new__, True


class _EnumDict(dict):
    """The namespace of an enum class body: rejects a member name bound twice."""

    def __init__(self, gnv=None):
        super().__init__()
        self._member_names = {}
        self._gnv = gnv

    def _shown(self, key):
        """The value bound to `key`, with an auto() resolved as CPython resolves it on
        assignment (the error messages show the number)."""
        value = self[key]
        if isinstance(value, auto) and not isinstance(value, _AutoOp) and value.value is _auto_null:
            gnv = self.get("_generate_next_value_", self._gnv)
            if isinstance(gnv, staticmethod):
                gnv = gnv.__func__
            if gnv is not None:
                last = []
                for name in self._member_names:
                    if name == key:
                        break
                    last.append(self._shown(name))
                value.value = gnv(key, 1, len(last), last[:])
            return value.value
        if isinstance(value, auto):
            return value.value
        return value

    def __setitem__(self, key, value):
        if _is_dunder(key) or _is_sunder(key):
            pass
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self._shown(key)))
        elif isinstance(value, (member, nonmember)) or not _is_descriptor(value):
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self._shown(key)))
            if not isinstance(value, nonmember):
                self._member_names[key] = None
        super().__setitem__(key, value)


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        gnv = None
        for base in reversed(bases):
            if isinstance(base, EnumType):
                gnv = base._generate_next_value_
                break
        return _EnumDict(gnv)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        enum_bases = [b for b in bases if isinstance(b, EnumType)]
        if not enum_bases:
            # Enum itself.
            classdict["_member_names_"] = []
            classdict["_member_map_"] = {}
            classdict["_value2member_map_"] = {}
            classdict["_member_type_"] = object
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError(
                "new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`"
            )
        for base in enum_bases:
            if base._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (cls, base))
        member_type = _find_data_type(bases)
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        for key in list(ignore) + ["_ignore_"]:
            classdict.pop(key, None)
        # Members: the names in the body that are not special, descriptors or private.
        member_names = []
        raw_values = {}
        for key in list(classdict):
            value = classdict[key]
            if isinstance(value, nonmember):
                classdict[key] = value.value
                continue
            if isinstance(value, member):
                value = value.value
            elif _is_dunder(key) or _is_sunder(key) or _is_private(cls, key) or _is_descriptor(value):
                continue
            member_names.append(key)
            raw_values[key] = value
            del classdict[key]
        # auto() values, in definition order.
        gnv = classdict.get("_generate_next_value_")
        if gnv is None:
            gnv = first_enum._generate_next_value_
        elif isinstance(gnv, staticmethod):
            gnv = gnv.__func__
        last_values = []
        for name in member_names:
            value = raw_values[name]
            if isinstance(value, _AutoOp):
                value.value = value._resolve()
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gnv(name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                vals = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is _auto_null:
                            v.value = gnv(name, 1, len(last_values), last_values[:])
                        v = v.value
                    vals.append(v)
                value = tuple(vals)
            raw_values[name] = value
            last_values.append(value)
        new, use_args = _find_new(classdict, member_type, first_enum)
        classdict["_member_names_"] = []
        classdict["_member_map_"] = {}
        classdict["_value2member_map_"] = {}
        classdict["_member_type_"] = member_type
        classdict["_new_member_"] = new
        # ReprEnum: str() and format() are the data type's.
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError("ReprEnum subclasses must be mixed with a data type (i.e. int, str, float, etc.)")
            if "__format__" not in classdict:
                classdict["__format__"] = _data_format
            if "__str__" not in classdict:
                classdict["__str__"] = _data_str
        user_new = classdict.pop("__new__", None)
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        if user_new is not None:
            type.__setattr__(enum_class, "_new_member_", user_new)
        # Calling the class looks members up (the data type's __new__ would make new ones).
        type.__setattr__(enum_class, "__new__", Enum.__dict__["__new__"])
        # repr() and friends come from the enum, not from the data type or object.
        for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
            if name not in classdict:
                enum_method = getattr(first_enum, name, None)
                found_method = getattr(enum_class, name, None)
                if found_method is not None and (
                    found_method is getattr(member_type, name, None) or found_method is getattr(object, name, None)
                ):
                    type.__setattr__(enum_class, name, enum_method)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            # Flag's operators win over the data type's (IntFlag's int.__or__ ...).
            for op in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__"):
                if op not in classdict:
                    type.__setattr__(enum_class, op, Flag.__dict__[op])
        for name in member_names:
            value = raw_values[name]
            args = value if isinstance(value, tuple) else (value,)
            if member_type is tuple:
                args = (args,)
            if not use_args:
                enum_member = new(enum_class)
            else:
                enum_member = new(enum_class, *args)
            if not hasattr(enum_member, "_value_"):
                if member_type is object:
                    enum_member._value_ = value
                else:
                    try:
                        enum_member._value_ = member_type(*args)
                    except Exception:
                        enum_member._value_ = value
            value = enum_member._value_
            enum_member._name_ = name
            enum_member.__objclass__ = enum_class
            enum_member.__init__(*args)
            enum_member._sort_order_ = len(enum_class._member_names_)
            canonical = None
            for other in enum_class._member_map_.values():
                if other._value_ == value:
                    canonical = other
                    break
            if canonical is not None:
                enum_member = canonical
            elif is_flag and isinstance(value, int) and value & (value - 1) != 0 and value > 0:
                # Multi-bit flags are aliases of their bits (not iterated).
                pass
            else:
                enum_class._member_names_.append(name)
            type.__setattr__(enum_class, name, enum_member)
            enum_class._member_map_[name] = enum_member
            try:
                enum_class._value2member_map_.setdefault(value, enum_member)
            except TypeError:
                pass
        if is_flag:
            mask = 0
            for m in enum_class._member_map_.values():
                if isinstance(m._value_, int):
                    mask |= m._value_
            type.__setattr__(enum_class, "_flag_mask_", mask)
            type.__setattr__(enum_class, "_all_bits_", 2 ** mask.bit_length() - 1)
            if boundary is not None:
                type.__setattr__(enum_class, "_boundary_", boundary)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = _sys._getframe(2).f_globals["__name__"]
            except Exception:
                module = "__main__"
        classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, cls.__class__.__qualname__)
            )
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    @_builtin_property
    def __members__(cls):
        return _MembersView(cls._member_map_)


EnumMeta = EnumType


def _data_str(self):
    return str(self._value_)


def _data_format(self, format_spec):
    # The data type's __format__: an empty spec formats str(self) (int.__format__ does).
    if not format_spec:
        return str(self)
    return format(self._value_, format_spec)


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError(
            "error in %s._missing_: returned %r instead of None or a valid member" % (cls.__name__, result)
        )

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        names = ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]
        for k in self.__class__.__dict__:
            if not k.startswith("_") and k not in self._member_map_ and k not in names:
                names.append(k)
        return sorted(names)

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        value = str(*values)
        m = str.__new__(cls, value)
        m._value_ = value
        return m

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _bin(num, max_bits=None):
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace("1", "0", 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Support for flags."""

    _boundary_ = STRICT

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError("invalid flag value %r" % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(
                    "%r invalid value %r\n    given %s\n  allowed %s"
                    % (cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits))
                )
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif value < 0:
                value = max(all_bits + 1, 2 ** (value.bit_length())) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        if member_value:
            members = list(cls._iter_bits_(member_value))
            pseudo._name_ = "|".join([m._name_ for m in members])
            if unknown:
                pseudo._name_ += "|%r" % (unknown,)
        else:
            pseudo._name_ = None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo
        return pseudo

    @classmethod
    def _iter_bits_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ and m._value_ & value == m._value_:
                yield m

    def __iter__(self):
        return iter(list(self.__class__._iter_bits_(self._value_)))

    def __len__(self):
        return bin(self._value_).count("1")

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__)
            )
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<%s: %r>" % (cls_name, self._value_)
        return "<%s.%s: %r>" % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._flag_mask_ & ~self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    _boundary_ = KEEP


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
