# Keyword-only and positional-only parameters.
def kwonly(a, *, b, c=3):
    return a, b, c

print(kwonly(1, b=2))
print(kwonly(1, c=30, b=20))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kwonly(1)
except TypeError as e:
    print("TypeError:", e)

def posonly(a, b, /, c, *, d):
    return a, b, c, d
print(posonly(1, 2, 3, d=4))
print(posonly(1, 2, c=3, d=4))
try:
    posonly(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)

def pos_default(x, y=10, /):
    return x + y
print(pos_default(1), pos_default(1, 2))

def kw_collect(a, /, **kw):
    return a, kw
print(kw_collect(1, a=2))

try:
    kwonly(1, b=2, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    kwonly(1, b=2, a=3)
except TypeError as e:
    print("TypeError:", e)
