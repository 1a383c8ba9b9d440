# repr() of strings inside containers, quote selection, and unicode.
values = ["plain", "it's", 'He said "no"', "mixed ' and \"", "tab\there", "new\nline",
          "café", "naïve", "日本", "🐍", "\x07", "\u2028", "ÿ", "\x80", "\xad"]
for v in values:
    print(repr(v))
print(values[:4])
print({"k'": "v\"", "é": ["ü"]})
print(("x",), ("a", "b"))
print(str("é"), "é", ["é"])
print(ascii("café"), ascii("😀"), ascii(["ñ"]))
print(len("🐍🐍"), "🐍" * 3, "🐍".join("ab"))
print("Σ".lower(), "ω".upper(), "Ωmega".istitle())
print("ÀÉÎ".lower(), "àéî".upper(), "İ".lower() == "i̇", len("İ".lower()))
print(sorted(["b", "á", "a", "Z", "ä"]))
