# CPython's limit of 4300 decimal digits for int <-> str conversion (power-of-two
# bases are exempt), and big ints built from text in every base.
def t(label, f):
    try:
        r = f()
        print(label, "ok", r.bit_length(), r % 1000003)
    except Exception as e:
        print(label, type(e).__name__, e)

t("4300 digits", lambda: int("7" * 4300))
t("4301 digits", lambda: int("7" * 4301))
t("leading zeros count", lambda: int("0" * 4000 + "1" * 400))
t("underscores don't count", lambda: int("1_" * 4300 + "1"))
t("negative", lambda: int(" -" + "9" * 4301 + " "))
t("hex exempt", lambda: int("f" * 5000, 16))
t("base0 hex exempt", lambda: int("0x" + "f" * 5000, 0))
t("base0 decimal", lambda: int("1" * 5000, 0))
t("binary exempt", lambda: int("1" * 20000, 2))
t("base 36", lambda: int("z" * 4301, 36))
t("base 36 ok", lambda: int("z" * 4300, 36))
t("junk after digits", lambda: int("1" * 4301 + "x"))
t("bytes", lambda: int(b"5" * 4301))
t("repr limit", lambda: int.__repr__(10 ** 4300))
t("repr ok", lambda: len(int.__repr__(10 ** 4299)) + 0)
t("repr negative", lambda: len(int.__repr__(-10 ** 4299)) + 0)
for base in range(2, 37):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    s = (digits[::-1] * 30)[:200]
    n = int(s, base)
    print(base, n.bit_length(), n % 999983, int(s.upper(), base) == n, int("-" + s, base) == -n)
