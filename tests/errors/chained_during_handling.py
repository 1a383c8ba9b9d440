# An exception raised inside an except block shows both tracebacks.
def load(data, key):
    try:
        return data[key]
    except KeyError:
        print("missing", key)
        return int(key)

print(load({"1": 1}, "1"))
load({}, "abc")
