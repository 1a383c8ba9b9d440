# Breadth-first search shortest path through a text maze.
MAZE = """\
##########
#S.....#.#
#.##.#.#.#
#.#..#...#
#.#.####.#
#...#..#.#
###.#.##.#
#.....#..#
#.###...E#
##########"""

grid = [list(row) for row in MAZE.split("\n")]
H, W = len(grid), len(grid[0])
start = end = None
for y in range(H):
    for x in range(W):
        if grid[y][x] == "S":
            start = (x, y)
        elif grid[y][x] == "E":
            end = (x, y)
print("start", start, "end", end, "size", W, H)

def bfs(start, end):
    queue = [start]
    prev = {start: None}
    head = 0
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == end:
            break
        x, y = cur
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = x + dx, y + dy
            if grid[ny][nx] != "#" and (nx, ny) not in prev:
                prev[(nx, ny)] = cur
                queue.append((nx, ny))
    if end not in prev:
        return None, len(prev)
    path = []
    node = end
    while node is not None:
        path.append(node)
        node = prev[node]
    return path[::-1], len(prev)

path, visited = bfs(start, end)
print("length", len(path) - 1, "visited", visited)
print(path)
for (x, y) in path[1:-1]:
    grid[y][x] = "*"
print("\n".join("".join(r) for r in grid))
grid[7][3] = "#"
grid[3][6] = "#"
p2, v2 = bfs(start, end)
print("blocked:", p2, v2)
