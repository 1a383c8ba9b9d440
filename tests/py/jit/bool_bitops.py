# &, | and ^ of two bools give a bool; with an int they give an int.
flags = [True, False, True, True]
out = []
for i in range(3000):
    a = flags[i % 4]
    b = i % 3 == 0
    r = (a ^ b, a & b, a | b, a ^ 1, b & i, True ^ a)
    if i % 700 == 0:
        out.append(r)
print(out)
