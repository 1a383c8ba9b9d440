# Matching brackets with a stack and reporting error positions.
PAIRS = {")": "(", "]": "[", "}": "{"}
def check(s):
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack:
                return "unexpected %r at %d" % (ch, i)
            open_ch, j = stack.pop()
            if open_ch != PAIRS[ch]:
                return "mismatch %r at %d closes %r at %d" % (ch, i, open_ch, j)
    if stack:
        return "unclosed %r at %d" % stack[-1]
    return "ok"

tests = ["()", "([]{})", "((())", "())", "{[}]", "", "a(b[c]{d}e)f", "]", "(((", "([{}])[]{}()"]
for t in tests:
    print(repr(t).ljust(16), check(t))

def max_depth(s):
    d = best = 0
    for ch in s:
        if ch in "([{":
            d += 1
            best = max(best, d)
        elif ch in ")]}":
            d -= 1
    return best
print([max_depth(t) for t in tests])

def gen_balanced(n):
    out = []
    def go(s, o, c):
        if len(s) == 2 * n:
            out.append(s)
            return
        if o < n:
            go(s + "(", o + 1, c)
        if c < o:
            go(s + ")", o, c + 1)
    go("", 0, 0)
    return out
for n in range(1, 5):
    g = gen_balanced(n)
    print(n, len(g), g if n < 4 else g[:5], all(check(x) == "ok" for x in g))
