# Generator frames keep state; multiple independent generators; pipelines.
def counter(start, step):
    n = start
    while True:
        cmd = yield n
        if cmd == "reset":
            n = start
        else:
            n += step

c = counter(10, 5)
print(next(c), next(c), next(c), c.send("reset"), next(c))

def read_lines(text):
    for line in text.split("\n"):
        yield line

def strip_comments(lines):
    for line in lines:
        if "#" in line:
            line = line[:line.index("#")]
        yield line

def nonblank(lines):
    for line in lines:
        if line.strip():
            yield line.strip()

def numbered(lines):
    n = 0
    for line in lines:
        n += 1
        yield "%02d: %s" % (n, line)

text = """alpha  # first
# only a comment

beta
   gamma # third
"""
for out in numbered(nonblank(strip_comments(read_lines(text)))):
    print(out)

def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(7), 3)))

gens = [counter(i, i) for i in range(1, 4)]
for _ in range(3):
    print([next(g) for g in gens])
def gen_running():
    yield 1
g = gen_running()
print(g.__name__, hasattr(g, "send"), hasattr(g, "throw"))
