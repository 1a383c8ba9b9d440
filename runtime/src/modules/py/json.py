"""JSON (JavaScript Object Notation) encoder and decoder for krait.

The API and every message follow CPython's json package (with its C accelerator's
error messages and positions); the scanner is hand-written rather than built on
regular expressions. Floats are written with float.__repr__, as CPython does.
"""

__all__ = [
    "dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder",
]

__version__ = "2.0.9"


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# -- decoding ----------------------------------------------------------------------------------

_WS = " \t\n\r"
_DIGITS = "0123456789"
_BACKSLASH = {
    '"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
}
_HEX = "0123456789abcdefABCDEF"


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


class _StopScan(Exception):
    """No JSON value starts at `pos` (CPython's scanner raises StopIteration)."""

    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _decode_uxxxx(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in "xX":
        ok = True
        for c in esc:
            if c not in _HEX:
                ok = False
                break
        if ok:
            return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def _scanstring(s, end, strict=True):
    """The str whose contents start at s[end] (after the opening quote) and the index
    after its closing quote."""
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        q = s.find('"', end)
        if q < 0:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        b = s.find("\\", end, q)
        stop = q if b < 0 else b
        content = s[end:stop]
        if content and not content.isprintable():
            for k in range(len(content)):
                if content[k] < " ":
                    if strict:
                        raise JSONDecodeError("Invalid control character at", s, end + k)
        if b < 0:
            if chunks:
                chunks.append(content)
                return "".join(chunks), q + 1
            return content, q + 1
        if content:
            chunks.append(content)
        end = b + 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != "u":
            char = _BACKSLASH.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, end - 1)
            end += 1
        else:
            uni = _decode_uxxxx(s, end)
            end += 5
            if 0xD800 <= uni <= 0xDBFF and s[end:end + 2] == "\\u":
                uni2 = _decode_uxxxx(s, end + 1)
                if 0xDC00 <= uni2 <= 0xDFFF:
                    uni = 0x10000 + (((uni - 0xD800) << 10) | (uni2 - 0xDC00))
                    end += 6
            if 0xD800 <= uni <= 0xDFFF:
                # krait's str cannot hold a lone surrogate.
                uni = 0xFFFD
            char = chr(uni)
        chunks.append(char)


class _Scanner:
    def __init__(self, ctx):
        self.strict = ctx.strict
        self.object_hook = ctx.object_hook
        self.object_pairs_hook = ctx.object_pairs_hook
        self.parse_float = ctx.parse_float
        self.parse_int = ctx.parse_int
        self.parse_constant = ctx.parse_constant
        self.memo = {}

    def scan(self, s, idx):
        try:
            return self._scan(s, idx)
        finally:
            self.memo.clear()

    def _scan(self, s, idx):
        if idx >= len(s):
            raise _StopScan(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == "{":
            return self._object(s, idx + 1)
        if c == "[":
            return self._array(s, idx + 1)
        if c == "n" and s.startswith("null", idx):
            return None, idx + 4
        if c == "t" and s.startswith("true", idx):
            return True, idx + 4
        if c == "f" and s.startswith("false", idx):
            return False, idx + 5
        if c in _DIGITS or c == "-":
            r = self._number(s, idx)
            if r is not None:
                return r
        if c == "N" and s.startswith("NaN", idx):
            return self.parse_constant("NaN"), idx + 3
        if c == "I" and s.startswith("Infinity", idx):
            return self.parse_constant("Infinity"), idx + 8
        if c == "-" and s.startswith("-Infinity", idx):
            return self.parse_constant("-Infinity"), idx + 9
        raise _StopScan(idx)

    def _number(self, s, idx):
        n = len(s)
        i = idx
        if s[i] == "-":
            i += 1
            if i >= n or s[i] not in _DIGITS:
                return None
        if s[i] == "0":
            i += 1
        else:
            while i < n and s[i] in _DIGITS:
                i += 1
        is_float = False
        if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            is_float = True
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                is_float = True
        text = s[idx:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def _object(self, s, end):
        pairs = []
        memo = self.memo
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar and nextchar in _WS:
                end = _skip_ws(s, end)
                nextchar = s[end:end + 1]
            if nextchar == "}":
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = _scanstring(s, end, self.strict)
            key = memo.setdefault(key, key)
            if s[end:end + 1] != ":":
                end = _skip_ws(s, end)
                if s[end:end + 1] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1)
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.pos) from None
            pairs.append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "}":
                break
            elif nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def _array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        if s[end:end + 1] == "]":
            return values, end + 1
        while True:
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.pos) from None
            values.append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "]":
                break
            elif nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


def _parse_constant(name):
    return {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}[name]


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder."""

    __module__ = "json.decoder"

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self).scan

    def decode(self, s, _w=None):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document)."""
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended."""
        try:
            obj, end = self.scan_once(s, idx)
        except _StopScan as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None
        return obj, end


_default_decoder = JSONDecoder()


def _detect_encoding(b):
    bstartswith = b.startswith
    if bstartswith((b"\xef\xbb\xbf",)):
        return "utf-8-sig"
    return "utf-8"


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object."""
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f"the JSON object must be str, bytes or bytearray, "
                            f"not {s.__class__.__name__}")
        b = bytes(s)
        if _detect_encoding(b) == "utf-8-sig":
            b = b[3:]
        s = b.decode("utf-8", "surrogatepass")
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object containing
    a JSON document) to a Python object."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


# -- encoding ----------------------------------------------------------------------------------

_ESCAPE_DCT = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), "\\u{0:04x}".format(_i))
del _i

_INFINITY = float("inf")


def py_encode_basestring(s):
    """Return a JSON representation of a Python string"""
    if s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    get = _ESCAPE_DCT.get
    return '"' + "".join([get(c, c) for c in s]) + '"'


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    out = []
    for c in s:
        if " " <= c <= "~":
            if c == '"':
                out.append('\\"')
            elif c == "\\":
                out.append("\\\\")
            else:
                out.append(c)
            continue
        e = _ESCAPE_DCT.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append("\\u{0:04x}".format(n))
        else:
            n -= 0x10000
            s1 = 0xD800 | ((n >> 10) & 0x3FF)
            s2 = 0xDC00 | (n & 0x3FF)
            out.append("\\u{0:04x}\\u{1:04x}".format(s1, s2))
    return '"' + "".join(out) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""

    __module__ = "json.encoder"

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``)."""
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return "".join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and return its string representation as a list
        of chunks."""
        markers = {} if self.check_circular else None
        _encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = "NaN"
            elif o == _INFINITY:
                text = "Infinity"
            elif o == -_INFINITY:
                text = "-Infinity"
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant")
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        enc = _Encoding(markers, self.default, _encoder, indent, floatstr, self.key_separator,
                        self.item_separator, self.sort_keys, self.skipkeys)
        out = []
        enc.encode(o, 0, out)
        return out


class _Encoding:
    """One encoding run: the settings, and the containers being encoded."""

    def __init__(self, markers, default, encoder, indent, floatstr, key_separator,
                 item_separator, sort_keys, skipkeys):
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.floatstr = floatstr
        self.key_separator = key_separator
        self.item_separator = item_separator
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys

    def scalar(self, o):
        """The JSON text of a str, None, bool, int or float, or None for others."""
        if isinstance(o, str):
            return self.encoder(o)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.floatstr(o)
        return None

    def enter(self, o):
        markers = self.markers
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode(self, o, level, out):
        text = self.scalar(o)
        if text is not None:
            out.append(text)
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level, out)
        elif isinstance(o, dict):
            self.encode_dict(o, level, out)
        else:
            self.enter(o)
            self.encode(self.default(o), level, out)
            self.leave(o)

    def encode_list(self, lst, level, out):
        if not lst:
            out.append("[]")
            return
        self.enter(lst)
        indent = self.indent
        if indent is not None:
            level += 1
            newline_indent = "\n" + indent * level
            separator = self.item_separator + newline_indent
            out.append("[" + newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
            out.append("[")
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(separator)
            self.encode(value, level, out)
        if newline_indent is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("]")
        self.leave(lst)

    def encode_dict(self, dct, level, out):
        if not dct:
            out.append("{}")
            return
        self.enter(dct)
        indent = self.indent
        if indent is not None:
            level += 1
            newline_indent = "\n" + indent * level
            item_separator = self.item_separator + newline_indent
            out.append("{" + newline_indent)
        else:
            newline_indent = None
            item_separator = self.item_separator
            out.append("{")
        first = True
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = "true"
            elif key is False:
                key = "false"
            elif key is None:
                key = "null"
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f"keys must be str, int, float, bool or None, "
                                f"not {key.__class__.__name__}")
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(self.encoder(key))
            out.append(self.key_separator)
            self.encode(value, level, out)
        if newline_indent is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("}")
        self.leave(dct)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
        allow_nan=allow_nan, indent=indent, separators=separators, default=default,
        sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a
    ``.write()``-supporting file-like object)."""
    if cls is None:
        cls = JSONEncoder
    iterable = cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
        allow_nan=allow_nan, indent=indent, separators=separators, default=default,
        sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


# json.decoder and json.encoder, as in CPython's package, name the same classes.
import json.decoder
import json.encoder

del json
