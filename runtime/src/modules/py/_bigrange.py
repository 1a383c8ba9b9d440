"""range objects whose bounds do not fit in 64 bits.

The built-in range holds i64 bounds; range() hands arguments outside them to this
class, which behaves like CPython's range (iteration, len, indexing, slicing,
containment, index/count, equality, hash, repr). It reports itself as
<class 'range'>; the built-in range is put in its MRO when it is first used, so
isinstance(r, range) is True (but type(r) is not range).
"""


def _index(v):
    if isinstance(v, int):
        return int(v)
    try:
        f = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__) from None
    return f(v)


class range:
    """range(stop) -> range object
range(start, stop[, step]) -> range object"""

    __slots__ = ("start", "stop", "step", "_len")
    __module__ = "builtins"

    def __init__(self, *args):
        if not args:
            raise TypeError("range expected at least 1 argument, got 0")
        if len(args) > 3:
            raise TypeError("range expected at most 3 arguments, got %d" % len(args))
        vals = [_index(a) for a in args]
        if len(vals) == 1:
            start, stop, step = 0, vals[0], 1
        elif len(vals) == 2:
            start, stop, step = vals[0], vals[1], 1
        else:
            start, stop, step = vals
        if step == 0:
            raise ValueError("range() arg 3 must not be zero")
        self.start = start
        self.stop = stop
        self.step = step
        if step > 0 and start < stop:
            n = (stop - start - 1) // step + 1
        elif step < 0 and start > stop:
            n = (start - stop - 1) // (-step) + 1
        else:
            n = 0
        self._len = n

    def __repr__(self):
        if self.step == 1:
            return "range(%r, %r)" % (self.start, self.stop)
        return "range(%r, %r, %r)" % (self.start, self.stop, self.step)

    def __len__(self):
        if self._len > 9223372036854775807:
            raise OverflowError("Python int too large to convert to C ssize_t")
        return self._len

    def __bool__(self):
        return self._len != 0

    def __iter__(self):
        v, step = self.start, self.step
        for _ in _counter(self._len):
            yield v
            v += step

    def __reversed__(self):
        step = self.step
        v = self.start + (self._len - 1) * step
        for _ in _counter(self._len):
            yield v
            v -= step

    def __contains__(self, x):
        if type(x) is int or type(x) is bool:
            x = int(x)
            if self.step > 0:
                if not (self.start <= x < self.stop):
                    return False
            elif not (self.stop < x <= self.start):
                return False
            return (x - self.start) % self.step == 0
        for v in self:
            if v == x:
                return True
        return False

    def index(self, x):
        if type(x) is int and x in self:
            return (x - self.start) // self.step
        raise ValueError("%r is not in range" % (x,))

    def count(self, x):
        return 1 if x in self else 0

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(self._len) if self._len <= 9223372036854775807 else _slice_indices(i, self._len)
            return _builtin_range(self.start + start * self.step, self.start + stop * self.step, self.step * step)
        try:
            i = _index(i)
        except TypeError:
            raise TypeError("range indices must be integers or slices, not %s" % type(i).__name__) from None
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("range object index out of range")
        return self.start + i * self.step

    def __eq__(self, other):
        if not isinstance(other, (range, _builtin_range)):
            return NotImplemented
        try:
            n = len(other)
        except OverflowError:
            n = other._len
        if self._len != n:
            return False
        if n == 0:
            return True
        if self.start != other.start:
            return False
        return n == 1 or self.step == other.step

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        if self._len == 0:
            return hash((0, None, None))
        if self._len == 1:
            return hash((1, self.start, None))
        return hash((self._len, self.start, self.step))

    def __reduce__(self):
        return (_builtin_range, (self.start, self.stop, self.step))


_builtin_range = __builtins__["range"] if isinstance(__builtins__, dict) else __builtins__.range


def _counter(n):
    """Yields n times (n may exceed 64 bits)."""
    while n > 0:
        yield None
        n -= 1


def _slice_indices(s, length):
    step = 1 if s.step is None else _index(s.step)
    if step == 0:
        raise ValueError("slice step cannot be zero")
    lower, upper = (-1, length - 1) if step < 0 else (0, length)

    def clamp(v, default):
        if v is None:
            return default
        v = _index(v)
        if v < 0:
            v += length
            return max(v, lower)
        return min(v, upper)

    start = clamp(s.start, upper if step < 0 else lower)
    stop = clamp(s.stop, lower if step < 0 else upper)
    return start, stop, step
