# Case mapping and classification, ASCII and Unicode.
words = ["hello world", "HELLO", "Hello World", "hELLO wORLD", "", "123", "a1b2", "ß", "straße", "İstanbul", "ǆemal",
         "ΣΑΣ ΟΔΟΣ", "ﬁnd", "ŉ", "ῳ", "don't stop", "x_y-z", "ÀÉÎÕÜ", "µ", "ı", "12abc DEF"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()), repr(w.capitalize()), repr(w.title()), repr(w.swapcase()))
    print("  ", w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum(), w.isascii(), len(w.upper()), len(w.lower()))
print(len("İ".lower()), "İ".lower() == "i\u0307", "ß".upper(), "ﬀ".upper(), "Σ".lower(), "ΑΣ".lower(), "ΑΣ Β".lower(), "Σ".casefold())
nums = ["123", "١٢٣", "²", "①", "½", "Ⅻ", "一二三", "3.5", "-1", "", " ", "12a", "٣", "߂", "⁴", "Ⅷ"]
for n in nums:
    print(repr(n), n.isdigit(), n.isdecimal(), n.isnumeric(), n.isalnum(), n.isalpha())
spaces = [" ", "\t\n\r\x0b\x0c", "\x1c\x1d\x1e\x1f", "\u00a0", "\u3000", "\u2028", "\u200b", "", "a ", "\x85"]
for sp in spaces:
    print(repr(sp), sp.isspace(), sp.isprintable())
idents = ["abc", "_x", "x1", "1x", "", "a-b", "ñandú", "变量", "a b", "__init__", "Ⅻ", "a·b", "x\u0301"]
for i in idents:
    print(repr(i), i.isidentifier())
printables = ["abc", "a\nb", "\x7f", "é", "\u00ad", "", "tab\t", "€", "\u2028", "😀", "\ue000"]
for p in printables:
    print(repr(p), p.isprintable())
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "Hello  World!".istitle(), "1st Place".istitle(), "ǅemal".istitle())
print("ABC".isupper(), "ABC1".isupper(), "AbC".isupper(), "abc".islower(), "abc!".islower(), "123".islower(), "ǅ".isupper(), "ǅ".islower())
print("they're bill's friends".title(), "hello-world foo_bar".title(), "ŉx".title(), "éCOLE".capitalize(), "ǉubljana".capitalize())
