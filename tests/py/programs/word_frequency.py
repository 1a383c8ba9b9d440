# Word frequency counting with dicts.
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

def normalize(word):
    word = word.lower()
    while word and not word[-1].isalpha():
        word = word[:-1]
    while word and not word[0].isalpha():
        word = word[1:]
    return word

freq = {}
for raw in text.split():
    w = normalize(raw)
    if w:
        freq[w] = freq.get(w, 0) + 1

print("distinct words:", len(freq))
print("total words:", sum(freq.values()))
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:8]:
    print("%-12s %3d %s" % (word, n, "#" * n))
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
singles = [w for w, n in ranked if n == 1]
print("hapax:", singles)
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items(), key=lambda kv: -kv[1])[:5])
