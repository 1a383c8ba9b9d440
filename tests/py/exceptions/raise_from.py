# raise, raise from, __cause__, __context__ and __suppress_context__.
class AppError(Exception):
    pass

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError("bad input: " + s) from e

try:
    parse("abc")
except AppError as e:
    print("AppError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress:", e.__suppress_context__)

try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print("context:", type(e.__context__).__name__, e.__context__, e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    print("from None:", e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e), e.args)

try:
    raise IndexError("a", 2, [3])
except IndexError as e:
    print(e.args, str(e), repr(e))

e = ValueError("made")
try:
    raise e
except ValueError as caught:
    print(caught is e)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
