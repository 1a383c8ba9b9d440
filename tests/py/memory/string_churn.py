# Lots of temporary strings, lists and dicts; a running checksum.
checksum = 0
for i in range(100000):
    s = "item-" + str(i)
    parts = s.split("-")
    d = {"k": parts[1], "n": len(s)}
    checksum = (checksum * 31 + int(d["k"]) + d["n"]) % 1000003
    if i % 25000 == 0:
        print(i, s, parts, d, checksum)
print("checksum", checksum)
words = []
for i in range(20000):
    words.append(("w%d" % (i % 97)) * (i % 3 + 1))
print(len(words), sum(len(w) for w in words), words[5], words[-1])
del words
