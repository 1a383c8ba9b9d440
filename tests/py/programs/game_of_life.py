# Conway's game of life on a small wrapping grid.
W, H = 12, 10
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}

def render(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))

glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
blinker = {(8, 5), (8, 6), (8, 7)}
world = glider | blinker
for gen in range(5):
    print("gen", gen, "population", len(world))
    print(render(world))
    world = step(world)
for _ in range(40):
    world = step(world)
print("after 45:", len(world), sorted(world))
r = {(5, 4), (6, 4), (4, 5), (5, 5), (5, 6)}
pops = []
for _ in range(60):
    pops.append(len(r))
    r = step(r)
print(pops)
