# sys.argv[0], sys.maxsize and sys.version_info comparisons.
import sys
print(sys.argv[0], len(sys.argv), sys.argv[0].endswith(".py"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1)
print(sys.version_info >= (3, 0), sys.version_info < (4,), sys.version_info[0] == 3, sys.version_info.major)
print(type(sys.version_info.minor).__name__, sys.version_info > (2, 7))
print(type(sys.getrecursionlimit()).__name__, sys.getrecursionlimit() >= 1000)
print(type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
sys.stdout.write("via sys.stdout\n")
print(hasattr(sys, "exit"), hasattr(sys, "stderr"))
