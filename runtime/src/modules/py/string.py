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
supported). string.Formatter is CPython's, over a Python version of its
format-string parser (_string.formatter_parser / formatter_field_name_split).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

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


########################################################################
# The Formatter class (CPython's, with the parser of the _string module).

def _formatter_parser(s):
    """Yields (literal_text, field_name, format_spec, conversion) for a format string."""
    n = len(s)
    i = 0
    while i < n:
        start = i
        while i < n and s[i] != '{' and s[i] != '}':
            i += 1
        literal = s[start:i]
        if i >= n:
            yield (literal, None, None, None)
            return
        c = s[i]
        if i + 1 < n and s[i + 1] == c:
            yield (literal + c, None, None, None)
            i += 2
            continue
        if c == '}':
            raise ValueError("Single '}' encountered in format string")
        if i + 1 >= n:
            raise ValueError("Single '{' encountered in format string")
        i += 1
        fstart = i
        depth = 1
        in_name = True
        in_bracket = False
        while i < n:
            ch = s[i]
            if in_name and in_bracket:
                if ch == ']':
                    in_bracket = False
            elif in_name and ch == '[':
                in_bracket = True
            elif ch == '{':
                depth += 1
            elif ch == '}':
                depth -= 1
                if depth == 0:
                    break
            elif in_name and (ch == ':' or ch == '!'):
                in_name = False
            i += 1
        if depth:
            raise ValueError("expected '}' before end of string")
        field = s[fstart:i]
        i += 1
        name, spec, conversion = _parse_field(field)
        yield (literal, name, spec, conversion)


def _parse_field(field):
    n = len(field)
    j = 0
    in_bracket = False
    while j < n:
        ch = field[j]
        if ch == '[':
            in_bracket = True
        elif ch == ']':
            in_bracket = False
        elif not in_bracket and (ch == ':' or ch == '!'):
            break
        j += 1
    name = field[:j]
    conversion = None
    spec = ''
    if j < n:
        if field[j] == '!':
            if j + 1 >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = field[j + 1]
            j += 2
            if j < n:
                if field[j] != ':':
                    raise ValueError("expected ':' after conversion specifier")
                spec = field[j + 1:]
        else:
            spec = field[j + 1:]
    return name, spec, conversion


def _field_name_split(name):
    """(first, iterator of (is_attribute, key)) for a replacement field's name."""
    n = len(name)
    i = 0
    while i < n and name[i] != '.' and name[i] != '[':
        i += 1
    first = name[:i]
    if first and first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = name[i]
        i += 1
        start = i
        if c == '.':
            while i < n and name[i] != '.' and name[i] != '[':
                i += 1
            attr = name[start:i]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
        else:
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:i]
            i += 1
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            if i < n and name[i] != '.' and name[i] != '[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):

            # output the literal text
            if literal_text:
                result.append(literal_text)

            # if there's a field, output it
            if field_name is not None:
                # handle arg indexing when empty field_names are given.
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    # disable auto arg incrementing, if it gets
                    # used later on, then an exception will be raised
                    auto_arg_index = False

                # given the field_name, find the object it references
                #  and the argument it came from
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)

                # do any conversion on the resulting object
                obj = self.convert_field(obj, conversion)

                # expand the format spec, if needed
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth-1,
                    auto_arg_index=auto_arg_index)

                # format the object and append to the result
                result.append(self.format_field(obj, format_spec))

        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        # do any conversion on the resulting object
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    # returns an iterable that contains tuples of the form:
    # (literal_text, field_name, format_spec, conversion)
    # literal_text can be zero length
    # field_name can be None, in which case there's no
    #  object to format and output
    # if field_name is not None, it is looked up, formatted
    #  with format_spec and conversion and then used
    def parse(self, format_string):
        return _formatter_parser(format_string)

    # given a field_name, find the object it references.
    #  field_name:   the field being looked up, e.g. "0.name"
    #                 or "lookup[3]"
    #  used_args:    a set of which args have been used
    #  args, kwargs: as passed in to vformat
    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)

        obj = self.get_value(first, args, kwargs)

        # loop through the rest of the field_name, doing
        #  getattr or getitem as needed
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]

        return obj, first
