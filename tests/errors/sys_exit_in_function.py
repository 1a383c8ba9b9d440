# SystemExit raised deep in a call stack runs finally blocks on the way out.
import sys

def inner():
    try:
        print("inner")
        sys.exit(42)
    finally:
        print("inner finally")

def outer():
    try:
        inner()
    except Exception:
        print("not caught: SystemExit is not an Exception")
    finally:
        print("outer finally")

outer()
print("unreachable")
