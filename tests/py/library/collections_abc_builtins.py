# collections.abc checks on built-in types go through the ABCs' __instancecheck__ and
# __subclasscheck__ (krait has no metaclasses; the ABCs define them as classmethods).
from collections.abc import (Callable, Container, Hashable, Iterable, Iterator, Mapping,
                             MutableMapping, MutableSequence, Sequence, Set, Sized)

values = [[], (), {}, set(), "ab", 3, 2.5, None, len, iter([]), range(3), b"x"]
for v in values:
    print(type(v).__name__,
          [isinstance(v, t) for t in (Sequence, MutableSequence, Mapping, MutableMapping, Set,
                                     Iterable, Iterator, Sized, Container, Hashable, Callable)])
print(issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(tuple, Hashable))

class Bag:
    def __len__(self):
        return 0
    def __iter__(self):
        return iter(())
    def __contains__(self, x):
        return False

print(isinstance(Bag(), Sized), isinstance(Bag(), Iterable), isinstance(Bag(), Container), isinstance(Bag(), Sequence))
