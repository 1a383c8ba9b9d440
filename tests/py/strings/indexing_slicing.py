# Indexing and slicing strings by code point, including non-ASCII and emoji.
s = "héllo wörld"
print(len(s), s[0], s[1], s[-1], s[-5], s[1:4], s[::-1], s[::2], s[7:], s[:-6])
e = "a😀b🐍c"
print(len(e), e[1], e[3], e[-1], e[1:4], e[::-1], e.index("🐍"), e.find("c"))
jp = "日本語テキスト"
print(len(jp), jp[2], jp[-3:], jp[::3])
for i, ch in enumerate("añ😀"):
    print(i, ch, ord(ch), hex(ord(ch)))
print(chr(233), chr(0x1F600), chr(65), chr(0x65E5), ord("é"), ord("€"))
t = "abcdefghij"
print(t[2:8:2], t[8:2:-2], t[-3:-1], t[-1:-4:-1], t[100:], t[:100], t[5:2], t[::-3])
print(t[-100:3], t[3:-100], t[::1] == t, t[:] is t or t[:] == t)
try:
    t[10]
except IndexError as ex:
    print("IndexError:", ex)
print("ß".upper(), "É".lower(), "straße" == "strasse", "é" == "e\u0301", len("e\u0301"))
print("x" * 0, "ab" * 3, 3 * "-", "" * 5 == "")
print([c for c in "naïve"], list("😀😃"))
print("é" in "café", "fé" in "café", "" in "abc", "abc" in "")
print(min("héllo"), max("héllo"), sorted("bäca"))
