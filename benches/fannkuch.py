# Fannkuch-redux: for every permutation of 1..n (in the Benchmarks Game order),
# count the pancake flips until 1 is in front. Prints the checksum and the maximum
# number of flips. List indexing, slicing and reversal in tight loops.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutations = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if permutations % 2 == 0 else -flips
        permutations += 1
        # Next permutation.
        while True:
            if r == n:
                return checksum, max_flips, permutations
            p0 = perm1[0]
            i = 0
            while i < r:
                j = i + 1
                perm1[i] = perm1[j]
                i = j
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main(n, rounds):
    # A few rounds, as a long-running service would: the result must not change.
    results = [fannkuch(n) for _ in range(rounds)]
    checksum, max_flips, permutations = results[0]
    assert all(r == results[0] for r in results)
    print(checksum)
    print("Pfannkuchen(%d) = %d over %d permutations, %d rounds" % (n, max_flips, permutations, rounds))


ROUNDS = 3
if sys.argv[-1] == "quick":
    N, ROUNDS = 7, 1
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 9
main(N, ROUNDS)
