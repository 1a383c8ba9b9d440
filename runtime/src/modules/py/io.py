"""The io module: open() and the file classes come from the native _io module;
StringIO and BytesIO (in-memory streams) are written here.

A StringIO or BytesIO appends writes made at the end to a list of pieces and joins
them when the contents are next read, so building a string with many writes is
linear, as in CPython.
"""

from _io import (
    open,
    FileIO,
    BufferedReader,
    BufferedWriter,
    BufferedRandom,
    TextIOWrapper,
    UnsupportedOperation,
    DEFAULT_BUFFER_SIZE,
    _IOBase,
    _RawIOBase,
    _BufferedIOBase,
    _TextIOBase,
)

IOBase = _IOBase
RawIOBase = _RawIOBase
BufferedIOBase = _BufferedIOBase
TextIOBase = _TextIOBase

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

__all__ = [
    "BlockingIOError", "open", "IOBase", "RawIOBase", "FileIO", "BytesIO", "StringIO",
    "BufferedIOBase", "BufferedReader", "BufferedWriter", "BufferedRWPair", "BufferedRandom",
    "TextIOBase", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
    "DEFAULT_BUFFER_SIZE",
]


def _size_arg(size):
    if size is None:
        return -1
    if isinstance(size, int):
        return size
    if hasattr(type(size), "__index__"):
        return size.__index__()
    raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")


def _int_arg(v):
    if isinstance(v, int):
        return v
    if hasattr(type(v), "__index__"):
        return v.__index__()
    raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _memory_io(cls):
    """Class decorator: puts into StringIO or BytesIO the methods the two share word
    for word (each calls the class's own _check, readline, write or close). They are
    put into each class rather than inherited from a common base so that __mro__ stays
    as CPython's, and each class gets its own function objects so that a method's
    __qualname__ (shown in argument errors and reprs) names its class."""

    def closed(self):
        return self._closed

    def getvalue(self):
        self._check()
        return self._join()

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def readlines(self, hint=-1):
        self._check()
        hint = _size_arg(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def tell(self):
        self._check()
        return self._pos

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    for fn in (closed, getvalue, writelines, readlines, __iter__, __next__, __enter__,
               __exit__, tell, readable, writable, seekable, isatty):
        fn.__qualname__ = cls.__name__ + "." + fn.__name__
        setattr(cls, fn.__name__, property(fn) if fn is closed else fn)
    return cls


@_memory_io
class StringIO(_TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is None:
            initial_value = ""
        elif not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._newline = newline
        self._closed = False
        self._buf = ""
        self._pieces = []
        self._size = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _join(self):
        if self._pieces:
            self._buf = self._buf + "".join(self._pieces)
            self._pieces = []
        return self._buf

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        return None

    encoding = None
    errors = None

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        nl = self._newline
        if nl is None:
            if "\r" in s:
                s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif nl == "\r" or nl == "\r\n":
            if "\n" in s:
                s = s.replace("\n", nl)
        k = len(s)
        if self._pos == self._size:
            self._pieces.append(s)
            self._size += k
            self._pos += k
            return n
        buf = self._join()
        pos = self._pos
        if pos > len(buf):
            buf = buf + "\0" * (pos - len(buf))
        buf = buf[:pos] + s + buf[pos + k:]
        self._buf = buf
        self._size = len(buf)
        self._pos = pos + k
        return n

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._join()
        pos = self._pos
        if pos >= len(buf):
            return ""
        if size < 0:
            r = buf[pos:]
        else:
            r = buf[pos:pos + size]
        self._pos = pos + len(r)
        return r

    def _line_end(self, buf, pos):
        nl = self._newline
        if nl is None or nl == "\n":
            i = buf.find("\n", pos)
            return -1 if i < 0 else i + 1
        if nl == "":
            i = buf.find("\n", pos)
            j = buf.find("\r", pos, i if i >= 0 else len(buf))
            if j >= 0:
                return j + 2 if buf.startswith("\n", j + 1) else j + 1
            return -1 if i < 0 else i + 1
        i = buf.find(nl, pos)
        return -1 if i < 0 else i + len(nl)

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._join()
        pos = self._pos
        if pos >= len(buf):
            return ""
        end = self._line_end(buf, pos)
        if end < 0:
            end = len(buf)
        if size >= 0 and end - pos > size:
            end = pos + size
        self._pos = end
        return buf[pos:end]

    def seek(self, pos, whence=0):
        self._check()
        pos = _int_arg(pos)
        whence = _int_arg(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._size
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            pos = self._pos
        else:
            pos = _int_arg(pos)
        if pos < 0:
            raise ValueError(f"Negative size value {pos}")
        buf = self._join()
        if pos < len(buf):
            self._buf = buf[:pos]
            self._size = pos
        return pos

    def flush(self):
        pass

    def close(self):
        self._closed = True
        self._buf = ""
        self._pieces = []

    def detach(self):
        raise UnsupportedOperation("detach")


@_memory_io
class BytesIO(_BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    __module__ = "_io"

    def __init__(self, initial_bytes=None):
        if initial_bytes is None:
            buf = b""
        elif isinstance(initial_bytes, (bytes, bytearray)):
            buf = bytes(initial_bytes)
        else:
            raise TypeError(f"a bytes-like object is required, not '{type(initial_bytes).__name__}'")
        self._buf = buf
        self._pieces = []
        self._size = len(buf)
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def _join(self):
        if self._pieces:
            self._buf = self._buf + b"".join(self._pieces)
            self._pieces = []
        return self._buf

    def write(self, b):
        self._check()
        if isinstance(b, bytearray):
            b = bytes(b)
        elif not isinstance(b, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        n = len(b)
        if self._pos == self._size:
            self._pieces.append(b)
            self._size += n
            self._pos += n
            return n
        buf = self._join()
        pos = self._pos
        if pos > len(buf):
            buf = buf + b"\0" * (pos - len(buf))
        buf = buf[:pos] + b + buf[pos + n:]
        self._buf = buf
        self._size = len(buf)
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._join()
        pos = self._pos
        if pos >= len(buf):
            return b""
        r = buf[pos:] if size < 0 else buf[pos:pos + size]
        self._pos = pos + len(r)
        return r

    read1 = read

    def readline(self, size=-1):
        self._check()
        size = _size_arg(size)
        buf = self._join()
        pos = self._pos
        if pos >= len(buf):
            return b""
        i = buf.find(b"\n", pos)
        end = len(buf) if i < 0 else i + 1
        if size >= 0 and end - pos > size:
            end = pos + size
        self._pos = end
        return buf[pos:end]

    def seek(self, pos, whence=0):
        self._check()
        pos = _int_arg(pos)
        whence = _int_arg(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        else:
            size = _int_arg(size)
        if size < 0:
            raise ValueError(f"negative size value {size}")
        buf = self._join()
        if size < len(buf):
            self._buf = buf[:size]
            self._size = size
        return size

    def flush(self):
        self._check()

    def close(self):
        self._closed = True
        self._buf = b""
        self._pieces = []
