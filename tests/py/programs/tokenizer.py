# A tokenizer and recursive-descent evaluator for arithmetic expressions.
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("NUM", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("NAME", src[i:j]))
            i = j
        elif c in "+-*/()^%":
            tokens.append(("OP", c))
            i += 1
        else:
            raise SyntaxError("unexpected character %r at %d" % (c, i))
    tokens.append(("EOF", None))
    return tokens

class Parser:
    def __init__(self, tokens, env):
        self.toks = tokens
        self.pos = 0
        self.env = env
    def peek(self):
        return self.toks[self.pos]
    def take(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in (("OP", "+"), ("OP", "-")):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (("OP", "*"), ("OP", "/"), ("OP", "%")):
            op = self.take()[1]
            r = self.factor()
            v = v * r if op == "*" else v / r if op == "/" else v % r
        return v
    def factor(self):
        base = self.unary()
        if self.peek() == ("OP", "^"):
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek() == ("OP", "-"):
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        kind, val = self.take()
        if kind == "NUM":
            return val
        if kind == "NAME":
            return self.env[val]
        if (kind, val) == ("OP", "("):
            v = self.expr()
            if self.take() != ("OP", ")"):
                raise SyntaxError("expected )")
            return v
        raise SyntaxError("unexpected token %r" % (val,))

env = {"x": 3, "y": 4.5, "big": 2 ** 70}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "x * y - 1", "10 / 4",
            "17 % 5", "big * big", "((((7))))", "2 * (3 + 4) * 5 - 6 / 3", "1 +", "3 $ 4", "nope + 1"]:
    try:
        toks = tokenize(src)
        print(src, "->", [t[1] for t in toks[:-1]], "=", Parser(toks, env).expr())
    except SyntaxError as e:
        print(src, "-> SyntaxError:", e)
    except KeyError as e:
        print(src, "-> unknown name", e)
