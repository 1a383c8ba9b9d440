# Sudoku: a constraint solver in the style of Peter Norvig's, with constraint
# propagation (eliminate, assign, only-place-left) over a dict of candidate
# strings and depth-first search on the square with the fewest candidates.
# Solves a fixed list of hard puzzles, checks each solution, and prints them.
import sys

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS


def cross(a, b):
    return [x + y for x in a for y in b]


SQUARES = cross(ROWS, COLS)
UNITLIST = (
    [cross(ROWS, c) for c in COLS]
    + [cross(r, COLS) for r in ROWS]
    + [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")]
)
UNITS = {s: [u for u in UNITLIST if s in u] for s in SQUARES}
PEERS = {s: sorted(set(sq for u in UNITS[s] for sq in u) - {s}) for s in SQUARES}


def parse_grid(grid):
    values = {s: DIGITS for s in SQUARES}
    for s, d in zip(SQUARES, grid):
        if d in DIGITS and not assign(values, s, d):
            return None
    return values


def assign(values, s, d):
    others = values[s].replace(d, "")
    for d2 in others:
        if not eliminate(values, s, d2):
            return False
    return True


def eliminate(values, s, d):
    if d not in values[s]:
        return True
    values[s] = values[s].replace(d, "")
    remaining = values[s]
    if len(remaining) == 0:
        return False
    if len(remaining) == 1:
        d2 = remaining
        for s2 in PEERS[s]:
            if not eliminate(values, s2, d2):
                return False
    for u in UNITS[s]:
        places = [sq for sq in u if d in values[sq]]
        if len(places) == 0:
            return False
        if len(places) == 1 and not assign(values, places[0], d):
            return False
    return True


class Stats:
    def __init__(self):
        self.searches = 0


def search(values, stats):
    if values is None:
        return None
    stats.searches += 1
    if all(len(values[s]) == 1 for s in SQUARES):
        return values
    n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
    for d in values[s]:
        attempt = search_assign(dict(values), s, d)
        result = search(attempt, stats)
        if result is not None:
            return result
    return None


def search_assign(values, s, d):
    return values if assign(values, s, d) else None


def solved(values):
    def unit_ok(unit):
        return set(values[s] for s in unit) == set(DIGITS)

    return values is not None and all(unit_ok(u) for u in UNITLIST)


def show(values):
    lines = []
    for r in ROWS:
        lines.append("".join(values[r + c] for c in COLS))
    return "/".join(lines)


PUZZLES = [
    "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
    "52...6.........7.13...........4..8..6......5...........418.........3..2...87.....",
    "6.....8.3.4.7.................5.4.7.3..2.....1.6.......2.....5.....8.6......1....",
    "48.3............71.2.......7.5....6....2..8.............1.76...3.....4......5....",
    "....14....3....2...7..........9...3.6.1.............8.2.....1.4....5.6.....7.8...",
    "......52..8.4......3...9...5.1...6..2..7........3.....6...1..........7.4.......3.",
    "6.2.5.........3.4..........43...8....1....2........7..5..27...........81...6.....",
    ".524.........7.1..............8.2...3.....6...9.5.....1.6.3...........897........",
    "6.2.5.........4.3..........43...8....1....2........7..5..27...........81...6.....",
    ".923.........8.1...........1.7.4...........658.........6.5.2...4.....7.....9.....",
    "85...24..72......9..4.........1.7..23.5...9...4...........8..7..17..........36.4.",
    "..53.....8......2..7..1.5..4....53...1..7...6..32...8..6.5....9..4....3......97..",
]


def main(rounds, count):
    total_searches = 0
    checksum = 0
    for r in range(rounds):
        for k, puzzle in enumerate(PUZZLES[:count]):
            stats = Stats()
            values = search(parse_grid(puzzle), stats)
            if not solved(values):
                print("puzzle", k, "has no solution")
                continue
            total_searches += stats.searches
            grid = show(values)
            for ch in grid:
                if ch != "/":
                    checksum = (checksum * 10 + int(ch)) % 1000000007
            if r == 0:
                print(k, stats.searches, grid)
    print("searches", total_searches, "checksum", checksum)


if sys.argv[-1] == "quick":
    main(1, 3)
elif len(sys.argv) > 1:
    main(int(sys.argv[1]), len(PUZZLES))
else:
    main(8, len(PUZZLES))
