# Assignment expressions (:=) in conditions and comprehensions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
i = 0
while (v := data[i]) != 9:
    print("v", v)
    i += 1
print("stopped at", v, i)
squares = [y for x in range(6) if (y := x * x) % 2 == 0]
print(squares, y)
total = 0
running = [(total := total + x) for x in data]
print(running, total)
print((z := 10) + z)
