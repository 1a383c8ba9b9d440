# An exception raised inside a generator propagates to the consumer.
def parse_all(lines):
    for line in lines:
        yield int(line)

total = 0
for n in parse_all(["1", "2", "three", "4"]):
    total += n
    print("running total", total)
