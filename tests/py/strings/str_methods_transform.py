# strip/replace/padding/zfill/expandtabs/translate/maketrans/removeprefix/removesuffix
# and the dunder methods.
for s in ["  x  ", "\t\n x y \r\x0b", "xxhixx", "", "\u3000wide\u2003", "abc"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip("xa")), repr(s.strip(None)))
print("www.example.com".strip("cmowz."), "<<a>>".lstrip("<"), "<<a>>".rstrip(">"), "ßßaß".strip("ß"))
print("banana".replace("a", "o"), "banana".replace("a", "o", 1), "banana".replace("a", "", -1), "banana".replace("na", "NA", 0))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaa".replace("a", "aa"), "żółw".replace("ó", "o"))
print("a.b.c".replace(".", "..", 5), "x".replace("x", "yyy"), "mississippi".replace("ss", "SS"))
for w in [-1, 0, 3, 5, 6, 7, 10]:
    print(w, repr("abc".center(w)), repr("ab".center(w, "*")), repr("abc".ljust(w, "-")), repr("abc".rjust(w, "é")), repr("ab".center(w)))
for s in ["42", "-42", "+7", "", "abc", "-", "3.14", "éé"]:
    print(repr(s.zfill(6)), repr(s.zfill(0)), repr(s.zfill(2)))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("ab\t\ncd\te".expandtabs(3)), repr("\t".expandtabs(0)), repr("x\ty".expandtabs(tabsize=1)))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc".translate(t))
t2 = str.maketrans("ab", "AB", "c")
print(sorted(t2.items()), "abcabc".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, 99: "C", "é": 101})
print(sorted(t3.items()), "abcdé".translate(t3))
print("hello".translate({104: "J", 108: None}), "hello".translate({}), "abc".translate({97: "xyz"}))
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("x"), "abc".removeprefix(""), "file.py".removesuffix(".py"), "a".removesuffix("a"))
print("ab" + "cd", "ab".__add__("cd"), "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "ab".__mul__(2), "ab".__rmul__(2))
print("a" < "b", "abc".__lt__("abd"), "b".__gt__("a"), "a".__le__("a"), "a".__ge__("b"), "a".__eq__("a"), "a".__ne__("a"), "a".__eq__(1))
print("abc".__repr__(), "abc".__str__(), repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"))
print("%s-%d" % ("x", 5), "%s".__mod__(7), "abc".__iter__().__next__(), [c for c in "héllo"])
class S(str):
    pass
s = S("Hello World")
print(s.upper(), s.lower(), s.split(), s.replace("World", "There"), len(s), s[0], s[-5:], s + "!", s * 2)
print(type(s.upper()).__name__, type(s.strip()).__name__, type(str(s)).__name__, str(s), repr(s), s == "Hello World", "Hello World" == s)
print(s.startswith("Hell"), s.find("o"), s.count("l"), "-".join(S("abc")), "x".join([S("a"), S("b")]), "lo W" in s)
print(S("a") < S("b"), sorted([S("b"), S("a")]), hash(S("abc")) == hash("abc"), {S("k"): 1}["k"], {"k": 2}[S("k")])
print(str(), str(""), str("abc"), str(12), str(1.5), str([1, "a"]), str(None), str(True), str(object=42), str(b"ab"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", "ascii"), str(b"\xe9t\xe9", "latin-1"), str(b"x\xffy", "utf-8", "replace"), str(b"x\xffy", errors="ignore"))
print(str(bytearray(b"hi"), "utf-8"), str(b"a", encoding="utf-8"))
