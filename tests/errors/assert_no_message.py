# A failing assert without a message.
def check(n):
    assert n >= 0
    return n

print(check(5))
check(-1)
