# N-queens solutions by backtracking.
def solve(n):
    solutions = []
    cols = [0] * n
    used_c = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    def place(r):
        if r == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if not used_c[c] and not d1[r + c] and not d2[r - c + n]:
                used_c[c] = d1[r + c] = d2[r - c + n] = True
                cols[r] = c
                place(r + 1)
                used_c[c] = d1[r + c] = d2[r - c + n] = False
    place(0)
    return solutions

for n in range(1, 9):
    s = solve(n)
    print(n, len(s), s[0] if s else None)
board = solve(8)[0]
for c in board:
    print(" ".join("Q" if i == c else "." for i in range(8)))
