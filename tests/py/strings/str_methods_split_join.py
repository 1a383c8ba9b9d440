# str.split / rsplit / splitlines / join / partition, including maxsplit and
# whitespace rules.
cases = ["", "   ", "a", " a ", "a b  c", "  lead", "trail  ", "\ta\nb\x0bc\x0cd\re\x1cf",
         "one\u3000two\u00a0three\u2003four", "x,,y,", ",a,b,"]
for s in cases:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(","))
for n in range(-1, 4):
    print(n, "  a  b  c  ".split(None, n), "  a  b  c  ".rsplit(None, n))
    print(n, "a,b,c,d".split(",", n), "a,b,c,d".rsplit(",", n), "a::b::c".split("::", n))
print("aaa".split("aa"), "aaa".rsplit("aa"), "abcabc".split("bc"), "abcabc".rsplit("c"))
print("a b".split(sep=None), "a-b-c".split(sep="-", maxsplit=1), "a-b-c".rsplit(maxsplit=1, sep="-"))
print("1 2 3".split(maxsplit=1))
lines = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(lines.splitlines())
print(lines.splitlines(True))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(keepends=True), "a\n".splitlines(), "a\r".splitlines(True))
print("-".join([]), "-".join(["x"]), "-".join(["a", "b", "c"]), "".join(("p", "q")), ", ".join("abc"))
print("/".join(x for x in ["u", "v"]), " ".join({"k": 1, "j": 2}), "é".join(["a", "ü", "c"]))
print("=".join(iter(["r", "s"])))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
print("αβγβδ".partition("β"), "αβγβδ".rpartition("β"), "abc".partition("abc"), "abc".rpartition("c"))
big = ",".join(str(i) for i in range(1000))
parts = big.split(",")
print(len(parts), parts[0], parts[-1], len(big), big.count(","), len(big.rsplit(",", 10)))
print(len(("word " * 500).split()), len(("word\u3000" * 300).split()))
