# and/or short-circuit evaluation order.
log = []
def t(name, val):
    log.append(name)
    return val

print(t("a", 0) and t("b", 1))
print(log); log.clear()
print(t("a", 1) and t("b", 2))
print(log); log.clear()
print(t("a", 0) or t("b", 0) or t("c", 3) or t("d", 4))
print(log); log.clear()
print(t("a", 1) and t("b", 0) or t("c", "x"))
print(log); log.clear()
print(not t("a", []) and t("b", "y"))
print(log); log.clear()
if t("a", None) or t("b", ""):
    print("true branch")
else:
    print("false branch")
print(log); log.clear()
while t("w", len(log) < 4):
    pass
print(log)
x = [] or {} or 0 or "last"
y = 5 and 6 and 7
print(x, y)
