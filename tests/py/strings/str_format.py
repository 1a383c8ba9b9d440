# str.format with positional, keyword, index and attribute access.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[key]}".format([10, 20], {"key": "v"}))
class P:
    x = 5
    y = "why"
print("{0.x} {0.y}".format(P()))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f}|{:+d}|{:,}|{:x}|{:%}".format(3.14159, 7, 10 ** 9, 255, 0.5))
print("{!r} {!s}".format("quoted", "plain"))
print("{{}} {}".format("escaped braces"))
print("{0:{1}}|".format("pad", 6), "{:{fill}>{w}}".format(7, fill="0", w=4))
print("{:.3}".format("truncate"), "{:.2}".format(3.14159), "{:10.3}|".format("abcdef"))
row = "{:<6}{:>6}{:>8}"
print(row.format("item", "qty", "price"))
for item, qty, price in [("pen", 3, 1.5), ("book", 1, 12.25)]:
    print(row.format(item, qty, "%.2f" % price))
print("{:c}".format(65), "{:d}".format(True), "{:e}".format(0.0), "{:g}".format(100000000.0))
print(format(3.5, ".3f"), format(42, "b"), format("s", "^5"), format(1234, ","), format(0.5))
