# Text processing: generates a pseudo-random corpus of sentences from a syllable
# grammar, then does what a log or document pipeline does: tokenizes, normalizes
# case and punctuation, counts words and bigrams in dicts, builds an inverted
# index, finds the most frequent terms, and formats a report. Dicts and str
# methods throughout.
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zu", "pe", "qua", "dor", "ith", "el", "an", "or"]
PUNCT = [",", ";", "", "", "", ""]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def make_vocabulary(rng, size):
    words = []
    seen = set()
    while len(words) < size:
        word = "".join(SYLLABLES[rng.below(len(SYLLABLES))] for _ in range(1 + rng.below(3)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def make_corpus(rng, vocab, sentences):
    lines = []
    for _ in range(sentences):
        n = 4 + rng.below(12)
        parts = []
        for k in range(n):
            # Zipf-like: small indices are much more likely.
            w = vocab[rng.below(1 + rng.below(len(vocab)))]
            if k == 0 or rng.below(20) == 0:
                w = w.capitalize()
            parts.append(w + PUNCT[rng.below(len(PUNCT))])
        lines.append(" ".join(parts) + (". " if rng.below(3) else "! "))
    return "".join(lines)


def tokenize(text):
    cleaned = text.replace(",", " ").replace(";", " ").replace("!", ".").lower()
    sentences = [s.strip() for s in cleaned.split(".")]
    return [s.split() for s in sentences if s]


def main(sentences):
    rng = Lcg(7)
    vocab = make_vocabulary(rng, 2000)
    text = make_corpus(rng, vocab, sentences)
    print("corpus", len(text), "chars")
    docs = tokenize(text)
    counts = {}
    bigrams = {}
    index = {}
    for doc_id, words in enumerate(docs):
        prev = None
        for w in words:
            counts[w] = counts.get(w, 0) + 1
            if prev is not None:
                key = prev + " " + w
                bigrams[key] = bigrams.get(key, 0) + 1
            prev = w
            postings = index.get(w)
            if postings is None:
                index[w] = [doc_id]
            elif postings[-1] != doc_id:
                postings.append(doc_id)
    total = sum(counts.values())
    print("words", total, "distinct", len(counts), "bigrams", len(bigrams))
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    for word, n in top:
        print("  %-12s %7d %6.3f%%  in %d sentences" % (word, n, 100.0 * n / total, len(index[word])))
    top_bigrams = sorted(bigrams, key=lambda k: (-bigrams[k], k))[:5]
    print("bigrams", ", ".join("%s (%d)" % (b, bigrams[b]) for b in top_bigrams))
    # Words by first letter and length, as a report would group them.
    groups = {}
    for w in counts:
        groups.setdefault((w[0], len(w)), []).append(w)
    widest = max(groups.items(), key=lambda kv: (len(kv[1]), kv[0]))
    print("groups", len(groups), "widest", widest[0], len(widest[1]))
    # Query the index: sentences containing both of two common words.
    a, b = top[0][0], top[1][0]
    both = set(index[a]) & set(index[b])
    print("both", a, b, len(both))
    # A title-cased, re-punctuated rendering of a few sentences.
    sample = [" ".join(w.title() if i == 0 else w for i, w in enumerate(d)) + "." for d in docs[:3]]
    print(" ".join(sample))
    checksum = 0
    for word, n in sorted(counts.items()):
        for ch in word:
            checksum = (checksum * 31 + ord(ch)) % 1000000007
        checksum = (checksum + n) % 1000000007
    print("checksum", checksum)


if sys.argv[-1] == "quick":
    N = 3000
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 40000
main(N)
