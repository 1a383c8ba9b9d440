# raise ... from None hides the original exception.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError("no entry for %s" % key) from None

print(lookup({"x": 1}, "x"))
lookup({}, "y")
