# Iterating dicts, views, and errors when mutating during iteration.
inventory = {"apples": 5, "pears": 0, "kiwis": 12, "plums": 3}
for name in inventory:
    print(name, inventory[name])
for name, qty in inventory.items():
    if qty:
        print("in stock:", name)
print(sum(inventory.values()), max(inventory, key=inventory.get), sorted(inventory.items(), key=lambda kv: kv[1]))
keys = inventory.keys()
vals = inventory.values()
items = inventory.items()
inventory["figs"] = 1
print(list(keys), list(vals), list(items)[-1], len(items))
print(keys & {"figs", "nope"}, sorted(keys - {"apples"}))
try:
    for k in inventory:
        inventory[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(inventory))
rev = {}
for k, v in sorted(inventory.items()):
    rev.setdefault(v, []).append(k)
print(rev)
print(list(reversed({"a": 1, "b": 2, "c": 3})), dict(sorted({"z": 1, "y": 2}.items())))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
