# `dst[a:b] = src[c:d:s]` copied without the intermediate list, when the source (list,
# tuple, str, range) or the target (list, dict) changes type mid-loop.


def source_changes_type(n):
    srcs = [list(range(10)), tuple(range(10)), "0123456789", range(10)]
    acc = []
    for i in range(n):
        d = list(range(20, 30))
        s = srcs[(i // 150) % 4]
        k = i % 9
        d[: k + 1] = s[k::-1]
        if i % 50 == 0:
            acc.append(d)
    return acc


print(source_changes_type(600))


def target_changes_type(n):
    targets = [list(range(10)), {}]
    acc = []
    errors = 0
    for i in range(n):
        d = targets[(i // 200) % 2]
        k = i % 5
        try:
            d[: k + 1] = targets[0][k::-1]
        except TypeError as e:
            errors += 1
            if errors % 100 == 1:
                acc.append(str(e))
        if i % 80 == 0:
            acc.append(list(d))
    return acc


print(target_changes_type(600))
