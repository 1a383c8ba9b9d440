# A failing assert with a message.
values = [3, 1, 2]
assert len(values) == 3, "length ok"
assert values == sorted(values), "values not sorted: %r" % (values,)
print("unreachable")
