# Run-length encoding and a Caesar cipher.
def rle_encode(s):
    if not s:
        return []
    out = []
    cur, n = s[0], 1
    for ch in s[1:]:
        if ch == cur:
            n += 1
        else:
            out.append((cur, n))
            cur, n = ch, 1
    out.append((cur, n))
    return out

def rle_decode(pairs):
    return "".join(ch * n for ch, n in pairs)

def rle_str(pairs):
    return "".join("%d%s" % (n, ch) if n > 1 else ch for ch, n in pairs)

for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz", "héééllo😀😀"]:
    enc = rle_encode(s)
    print(repr(s), enc, rle_str(enc), rle_decode(enc) == s)

def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)

msg = "The Quick Brown Fox, 2024!"
for k in [1, 3, 13, 25, -3, 52]:
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
def crack(cipher):
    best = None
    for k in range(26):
        cand = caesar(cipher, -k)
        score = sum(cand.lower().count(c) for c in "etaoin ")
        if best is None or score > best[0]:
            best = (score, k, cand)
    return best
print(crack(caesar("meet me at the station at noon", 11)))
