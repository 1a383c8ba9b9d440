# String escapes, raw strings, multi-line strings and repr output.
print("tab:\t|newline:\\n|quote:\"|apos:\'|backslash:\\")
print("line1\nline2")
print(len("\n"), len("\\n"), len(r"\n"), r"C:\new\table")
print("\x41\x42 \u00e9 \u03bb \U0001F600 \N{GREEK SMALL LETTER ALPHA} \101 \0".replace("\0", "<nul>"))
print(repr("\t\n\r\x00\x7f\x1b"))
print(repr("é"), repr("😀"), repr("\u200b"), repr("\xa0"), repr("\u0301"))
print(repr('single'), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("back\\slash"), repr(""), repr("\\"))
multi = """first
  second "quoted"
third\
 continued"""
print(multi)
print(repr(multi))
print('''triple 'single' quotes''')
print("adjacent" " literals" ' joined')
s = ("implicit "
     "continuation")
print(s)
print("\a\b\f\v" == "\x07\x08\x0c\x0b", ord("\a"), ord("\v"))
print([repr(c) for c in "a\tb"])
