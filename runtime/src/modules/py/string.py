"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

krait: CPython 3.11's constants and capwords(); Template is implemented
without regular expressions (the default $identifier / ${identifier} / $$
syntax, with a custom `delimiter`; custom `idpattern` / `pattern` are not
supported). string.Formatter is not provided.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

# Some strings for ctype-style character classification
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace

# Functions which aren't available as string methods.

# Capitalize the words in a string, e.g. " aBc  dEf " -> "Abc Def".
def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################

_sentinel_dict = {}
_id_start = frozenset(ascii_letters + '_')
_id_char = frozenset(ascii_letters + digits + '_')


class _ChainMap:
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


def _ident_end(s, i):
    """End of the identifier starting at s[i], or -1 if there is none."""
    n = len(s)
    if i >= n or s[i] not in _id_start:
        return -1
    i += 1
    while i < n and s[i] in _id_char:
        i += 1
    return i


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yields (start, end, kind, name): kind is 'text', 'escaped',
        'named' or 'invalid'."""
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(s)
        pos = 0
        while True:
            i = s.find(delim, pos)
            if i < 0:
                if pos < n:
                    yield pos, n, 'text', None
                return
            if i > pos:
                yield pos, i, 'text', None
            j = i + dl
            if s.startswith(delim, j):
                yield i, j + dl, 'escaped', None
                pos = j + dl
                continue
            e = _ident_end(s, j)
            if e >= 0:
                yield i, e, 'named', s[j:e]
                pos = e
                continue
            if j < n and s[j] == '{':
                e = _ident_end(s, j + 1)
                if e >= 0 and e < n and s[e] == '}':
                    yield i, e + 1, 'named', s[j + 1:e]
                    pos = e + 1
                    continue
            yield i, i + dl, 'invalid', None
            pos = i + dl

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        s = self.template
        out = []
        for start, end, kind, name in self._scan():
            if kind == 'text':
                out.append(s[start:end])
            elif kind == 'named':
                out.append(str(mapping[name]))
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                self._invalid(end)
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        s = self.template
        out = []
        for start, end, kind, name in self._scan():
            if kind == 'named':
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[start:end])
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                out.append(s[start:end])
        return ''.join(out)

    def is_valid(self):
        for start, end, kind, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in self._scan():
            if kind == 'named' and name not in ids:
                ids.append(name)
        return ids
