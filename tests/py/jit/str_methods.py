# str methods called in hot loops (compiled as calls of the built-in): their results,
# and join of lists holding something other than str (TypeError mid-loop).

def words(n):
    out = []
    for i in range(n):
        w = "  item%d-Value  " % i
        s = w.strip().capitalize() + "|" + w.title().rstrip() + "|" + w.lstrip()
        parts = s.rsplit("-", 1)
        tag = str(i).zfill(5).rjust(7, "*").ljust(9, ".")
        flags = (w.isspace(), tag.isalnum(), w.strip().isupper(), w.strip().islower())
        out.append((len(s), parts[-1], tag, flags, s.rfind("Value")))
    return out[:2], out[-1], len(out)

print(words(3000))

def joins(n):
    total = 0
    pieces = []
    for i in range(n):
        pieces.append(chr(97 + i % 26))
        if len(pieces) > 10:
            pieces.pop(0)
        total += len("-".join(pieces)) + len("".join(tuple(pieces)))
    try:
        for i in range(n):
            xs = ["a", "b"] if i < n - 3 else ["a", 1]
            total += len(",".join(xs))
    except TypeError as e:
        return total, str(e)
    return total

print(joins(3000))
