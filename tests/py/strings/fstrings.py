# f-strings with common format specs.
n = 1234567.891
i = 42
s = "hi"
print(f"{i}|{i:5}|{i:<5}|{i:^5}|{i:>5}|{i:05}|{i:*^9}|{i:+}|{-i:+}|{i: }")
print(f"{n:.2f}|{n:,.2f}|{n:,}|{n:12.1f}|{n:<14.3f}|{n:e}|{n:.3e}|{n:g}|{n:.3g}")
print(f"{i:x}|{i:X}|{i:o}|{i:b}|{i:#x}|{i:#o}|{i:#b}|{i:08b}|{255:#06x}")
print(f"{0.256:%}|{0.256:.1%}|{1:.0%}|{1e-7:g}|{1e20:g}|{123.0:g}|{0.0001:g}")
print(f"{s}|{s:5}|{s:>5}|{s:^6}|{s:_<4}|{s!r}|{s!s}|{'q':3}")
print(f"{3.14159:.0f}|{2.5:.0f}|{3.5:.0f}|{-0.0:.1f}|{1/3:.10f}|{10**20:,}")
print(f"{1234567:_}|{1234567:,d}|{-1234.5:,.1f}|{12:+05d}|{-12:05d}|{3.0:06.2f}")
w, p = 10, 3
print(f"[{n:{w}.{p}f}]", f"[{s:{'>'}{w}}]")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
for name, price, qty in items:
    print(f"{name:<12}{price:>6.2f}{qty:>4}{price * qty:>8.2f}")
print(f"{'nested ' + s.upper()}", f"{[1, 2][1]}", f"{ {'a': 1}['a'] }", f"{i * 2 + 1}")
print(f"{{literal}}", f"{i}{{}}", f"{'a' if i else 'b'}")
x = 3.0
print(f"{x=}", f"{i + 1 = }", f"{s=!r}")
print(f"{True}", f"{None}", f"{[1, 'a']}", f"{(1,)}", f"{ {1: 'x'} }")
print(f"{1e16}", f"{0.1 + 0.2}", f"{1e-5}", f"{float('inf')}", f"{-float('nan')}")
print(f"{12345.6789:10.4g}|{0.000012345:.2e}|{5:.2f}|{5:g}|{2.50:}|{True:d}")
