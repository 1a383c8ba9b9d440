"""Reading a closed file: an uncaught ValueError."""
import io

s = io.StringIO("x")
s.close()
print(s.closed)
f = open(__file__)
f.close()
f.read()
