# Comprehensions calling functions, methods and closures; comprehensions inside functions.
def squares_up_to(n):
    return [i * i for i in range(n)]

def make_multipliers():
    return {k: (lambda x, k=k: x * k) for k in range(1, 4)}

class Library:
    def __init__(self, books):
        self.books = books
    def titles(self, min_year):
        return [b["title"].title() for b in self.books if b["year"] >= min_year]
    def by_decade(self):
        return {d: [b["title"] for b in self.books if b["year"] // 10 * 10 == d]
                for d in sorted({b["year"] // 10 * 10 for b in self.books})}

print(squares_up_to(8))
mults = make_multipliers()
print({k: f(10) for k, f in mults.items()})
lib = Library([{"title": "dune", "year": 1965}, {"title": "neuromancer", "year": 1984},
               {"title": "hyperion", "year": 1989}, {"title": "foundation", "year": 1951}])
print(lib.titles(1960))
print(lib.by_decade())
def outer(n):
    base = n * 100
    return [[base + i * 10 + j for j in range(2)] for i in range(3)]
print(outer(1), outer(7)[2])
words = ["Apple", "banana", "Cherry", "date"]
print([w.lower() for w in words if w[0].isupper()], [len(w) for w in map(str.upper, words)])
print(sum(len(w) for w in words), max((len(w), w) for w in words))
