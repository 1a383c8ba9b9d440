# printf-style % formatting.
print("%d %i %s %r" % (42, -7, "str", "str"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.2E|%g|%G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 12345.678, 0.00001234, 1e20))
print("%x|%X|%o|%#x|%#o|%08x" % (255, 255, 8, 255, 8, 3054))
print("%s and %s" % ("a", "b"), "%s" % ([1, 2],), "%s" % (None,), "%%")
print("%(name)s is %(age)d" % {"name": "Bob", "age": 40})
print("%c%c" % (72, "i"), "%.3s" % "abcdef", "%5s|%-5s|" % ("r", "l"))
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%d" % 3.99, "%s" % 3.5, "%r" % 3.5, "%i" % True)
print("%d%%" % 50, "%.1f%%" % 99.5)
print("single %s" % "value", "tuple %s" % ((1, 2),))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
print("%s" % "é😀", "%r" % "é😀", "%5.1f" % -0.05)
