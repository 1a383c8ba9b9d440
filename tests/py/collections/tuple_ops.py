# Tuple operations, immutability and the 1-tuple repr.
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t)
print((1,), (), tuple(), ((1,),), (1, (2, (3,))))
one = 1,
print(one, type(one).__name__, len(one))
print(t.index(2), t.count(3), (1, 1, 1).count(1))
print((1, 2) < (1, 2, 3), (2,) > (1, 9), (1, "a") == (1, "a"), () < (0,))
a, b, c = t
print(a + b + c)
nested = ((1, 2), (3, 4))
print([x + y for x, y in nested], dict(nested))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(4)
except AttributeError as e:
    print("AttributeError:", e)
with_list = ([1], [2])
with_list[0].append(99)
print(with_list)
print(hash((1, 2, 3)) == hash((1, 2, 3)), {(1, 2): "pair"}[(1, 2)])
print(sorted([(2, 1), (1, 2), (1, 1)]), max((3, "a"), (3, "b")))
print(tuple(reversed(t)), t[::-1], t[::2])
