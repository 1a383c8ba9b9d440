# Millions of short-lived objects; checksum of their values.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

checksum = 0
for i in range(1000000):
    p = P(i, i * 2)
    t = (p.x, p.y, i)
    l = [t[0], t[1]]
    checksum = (checksum + l[0] * 3 + l[1] + t[2]) % 1000000007
    if i % 200000 == 0:
        print("progress", i, checksum)
print("checksum", checksum)
