# Comparisons, membership and searching in strings.
text = "the quick brown fox jumps over the lazy dog"
print("fox" in text, "cat" in text, text.count("the"), text.count("o"), text.count(""))
pos = text.find("o")
positions = []
while pos != -1:
    positions.append(pos)
    pos = text.find("o", pos + 1)
print(positions)
print(text.index("lazy"), text.rfind("the"), text.find("the", 1), text.find("", 5))
print(text.split(" ", 3), text.rsplit(" ", 2))
print("apple" < "banana", "apple" < "Apple", "a" * 3 == "aaa", "abc" != "ABC")
print(sorted(["pear", "Apple", "banana", "apple", "10", "9"]))
print(max(["pear", "apple", "fig"]), min(["pear", "apple", "fig"]), max("hello"))
print("abc".upper() == "ABC", "ABC".lower() is not None)
vowels = "aeiou"
print(sum(1 for c in text if c in vowels), "".join(c for c in text if c not in vowels)[:20])
print("a".join(["", ""]), "-".join([]), "x".join(["only"]))
print("   ".strip() == "", "\t\n x \n".strip(), "abcabc".strip("ac"))
print(ord("a") - ord("A"), chr(ord("a") + 25), [chr(ord("A") + i) for i in range(5)])
print("Mississippi".replace("ss", "SS").lower().count("ss"))
