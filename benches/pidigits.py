# Pi digits: Gibbons' unbounded spigot algorithm with big integers (the Benchmarks
# Game workload). Every step multiplies and divides integers thousands of digits
# long. Prints the digits ten to a line, as the Benchmarks Game does.
import sys


def pi_digits(count):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


def main(count):
    digits = pi_digits(count)
    for start in range(0, count, 10):
        chunk = "".join(str(d) for d in digits[start : start + 10])
        print("%-10s\t:%d" % (chunk, min(start + 10, count)))
    print("digit sum", sum(digits))


if sys.argv[-1] == "quick":
    N = 300
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 5000
main(N)
