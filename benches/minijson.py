# Mini JSON: a hand-written JSON encoder and recursive-descent parser (no json
# module), round-tripping pseudo-random nested documents: dicts, lists, strings
# with escapes, ints, floats, booleans and null. Character-level string scanning,
# string building with join, and recursion. Prints sizes and a checksum.
import sys


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


KEYS = ["id", "name", "tags", "price", "stock", "active", "meta", "children", "note", "score"]
CHARS = "abcdefghijklmnopqrstuvwxyz ABCDEFG0123456789\"\\\n\t/"


def make_value(rng, depth):
    kind = rng.below(8 if depth < 4 else 5)
    if kind == 0:
        return rng.below(2000000) - 1000000
    if kind == 1:
        return (rng.below(2000000) - 1000000) / 64.0
    if kind == 2:
        return "".join(CHARS[rng.below(len(CHARS))] for _ in range(rng.below(16)))
    if kind == 3:
        return [True, False, None][rng.below(3)]
    if kind == 4:
        return "item-%d" % rng.below(1000)
    if kind == 5 or kind == 6:
        return {KEYS[rng.below(len(KEYS))] + str(i): make_value(rng, depth + 1) for i in range(rng.below(6))}
    return [make_value(rng, depth + 1) for _ in range(rng.below(6))]


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def encode_str(s):
    out = ['"']
    for ch in s:
        e = ESCAPES.get(ch)
        if e is not None:
            out.append(e)
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(v, parts):
    if v is None:
        parts.append("null")
    elif v is True:
        parts.append("true")
    elif v is False:
        parts.append("false")
    elif isinstance(v, int):
        parts.append(str(v))
    elif isinstance(v, float):
        parts.append(repr(v))
    elif isinstance(v, str):
        parts.append(encode_str(v))
    elif isinstance(v, list):
        parts.append("[")
        for i, x in enumerate(v):
            if i:
                parts.append(", ")
            encode(x, parts)
        parts.append("]")
    else:
        parts.append("{")
        first = True
        for k, x in v.items():
            if not first:
                parts.append(", ")
            first = False
            parts.append(encode_str(k))
            parts.append(": ")
            encode(x, parts)
        parts.append("}")


def dumps(v):
    parts = []
    encode(v, parts)
    return "".join(parts)


class ParseError(Exception):
    pass


class Parser:
    UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_ws(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def value(self):
        self.skip_ws()
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        if self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        return self.number()

    def number(self):
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        s = text[start : self.pos]
        if not s:
            raise ParseError("unexpected %r at %d" % (text[start], start))
        if "." in s or "e" in s or "E" in s:
            return float(s)
        return int(s)

    def string(self):
        self.pos += 1
        text = self.text
        out = []
        while True:
            end = self.pos
            while text[end] != '"' and text[end] != "\\":
                end += 1
            out.append(text[self.pos : end])
            self.pos = end + 1
            if text[end] == '"':
                return "".join(out)
            esc = text[self.pos]
            if esc == "u":
                out.append(chr(int(text[self.pos + 1 : self.pos + 5], 16)))
                self.pos += 5
            else:
                out.append(self.UNESCAPE[esc])
                self.pos += 1

    def expect(self, ch):
        self.skip_ws()
        if self.text[self.pos] != ch:
            raise ParseError("expected %r at %d" % (ch, self.pos))
        self.pos += 1

    def arr(self):
        self.pos += 1
        items = []
        self.skip_ws()
        if self.text[self.pos] == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip_ws()
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("]")
            return items

    def obj(self):
        self.pos += 1
        result = {}
        self.skip_ws()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_ws()
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            self.skip_ws()
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("}")
            return result


def loads(text):
    p = Parser(text)
    v = p.value()
    p.skip_ws()
    if p.pos != len(text):
        raise ParseError("trailing data at %d" % p.pos)
    return v


def count_nodes(v):
    if isinstance(v, dict):
        return 1 + sum(count_nodes(x) for x in v.values())
    if isinstance(v, list):
        return 1 + sum(count_nodes(x) for x in v)
    return 1


def main(docs):
    rng = Lcg(31337)
    total_chars = 0
    nodes = 0
    checksum = 0
    for i in range(docs):
        doc = {"doc": i, "body": [make_value(rng, 0) for _ in range(4)]}
        text = dumps(doc)
        back = loads(text)
        if back != doc:
            print("round trip failed for document", i)
            return
        if dumps(back) != text:
            print("re-encoding differs for document", i)
            return
        total_chars += len(text)
        nodes += count_nodes(back)
        for ch in text[::7]:
            checksum = (checksum * 33 + ord(ch)) % 1000000007
        if i == 0:
            print(text[:160])
    try:
        loads('{"a": [1, 2,, 3]}')
    except ParseError as e:
        print("error:", e)
    print("documents", docs, "chars", total_chars, "nodes", nodes, "checksum", checksum)


if sys.argv[-1] == "quick":
    N = 200
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 8000
main(N)
