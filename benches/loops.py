# Nested integer loops with arithmetic and a conditional.
def main(n):
    total = 0
    for i in range(n):
        for j in range(100):
            x = i * j + 3
            if x % 7 == 0:
                total += x
            else:
                total -= 1
    return total

print(main(30000))
