# A StopIteration raised inside a generator becomes a RuntimeError.
def first_items(iterators):
    for it in iterators:
        yield next(it)

its = [iter([1, 2]), iter([]), iter([3])]
for v in first_items(its):
    print("got", v)
