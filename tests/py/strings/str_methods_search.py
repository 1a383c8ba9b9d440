# find/rfind/index/rindex/count/startswith/endswith with start/end, by code point.
s = "abracadabra"
for sub in ["a", "abra", "", "z", "cad", "ra"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.startswith(sub), s.endswith(sub))
for start, end in [(0, None), (1, None), (3, 8), (-4, None), (-100, 100), (5, 2), (11, None), (12, None), (None, -3), (None, None)]:
    print(start, end, s.find("a", start, end), s.rfind("a", start, end), s.count("a", start, end),
          s.find("", start, end), s.rfind("", start, end), s.count("", start, end),
          s.startswith("a", start, end), s.endswith("a", start, end), s.startswith("", start, end))
u = "żółw-żółw-ĄĘ"
print(u.find("ółw"), u.rfind("ółw"), u.find("ółw", 3), u.index("ĄĘ"), u.rindex("w"), u.count("ż"), u.count("ł", 0, 5))
print(u.startswith("łw", 2), u.endswith("żółw", 0, 9), u.startswith(("x", "żó")), u.endswith(("Ę", "q")))
print("hello".index("l"), "hello".rindex("l"), "hello".index("lo", 1, 5))
print("hello".startswith(("he", "x"), 0, 2), "hello".endswith(("lo",), -2), "hello".startswith("lo", -2))
print("hello".find("l", True), "x" in "xyz", "" in "", "yz" in "xyz", "zx" in "xyz", "ółw" in u)
print("aaaa".count("aa"), "aaaa".count("a", 1, 3), "".count(""), "abc".count("", 1), "abc".count("", 4))
print("abc".__contains__("b"), "abc".__len__(), "é€".__len__(), "abc".__getitem__(1), "abc".__getitem__(slice(None, None, -1)))
for i in range(-3, 3):
    print(i, "xyz"[i], "xyz"[i:], "żółw"[i], "żółw"[:i])
