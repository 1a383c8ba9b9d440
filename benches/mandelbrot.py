# Mandelbrot: escape-time iteration over a grid of the complex plane, with the
# real and imaginary parts as separate floats. Builds each row as a bitmap of
# in-set points and prints a checksum of the bitmap and the iteration counts.
import sys


def row_of(y, size, max_iter):
    ci = 2.0 * y / size - 1.0
    bits = 0
    iterations = 0
    for x in range(size):
        cr = 2.0 * x / size - 1.5
        zr = 0.0
        zi = 0.0
        i = 0
        while i < max_iter:
            zr2 = zr * zr
            zi2 = zi * zi
            if zr2 + zi2 > 4.0:
                break
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            i += 1
        iterations += i
        bits = (bits << 1) | (1 if i == max_iter else 0)
    return bits, iterations


def main(size, max_iter):
    checksum = 0
    total = 0
    inside = 0
    for y in range(size):
        bits, iterations = row_of(y, size, max_iter)
        checksum = (checksum * 31 + bits) % 1000000007
        total += iterations
        inside += bin(bits).count("1")
    print(size, max_iter, inside, total, checksum)
    # An ASCII rendering of a small version, to eyeball.
    for y in range(0, 24):
        bits, _ = row_of(y * size // 24, size, max_iter)
        line = []
        for x in range(0, size, max(1, size // 64)):
            line.append("#" if (bits >> (size - 1 - x)) & 1 else ".")
        print("".join(line))


if sys.argv[-1] == "quick":
    N = 64
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 600
main(N, 50)
