# Sorting records (dicts and tuples) by one or several keys.
records = [
    {"name": "Ada", "dept": "eng", "salary": 120, "age": 36},
    {"name": "Bo", "dept": "ops", "salary": 80, "age": 29},
    {"name": "Cy", "dept": "eng", "salary": 95, "age": 41},
    {"name": "Di", "dept": "sales", "salary": 80, "age": 33},
    {"name": "Ed", "dept": "ops", "salary": 105, "age": 29},
    {"name": "Flo", "dept": "eng", "salary": 120, "age": 25},
]
def show(rs):
    for r in rs:
        print("  %-4s %-6s %4d %3d" % (r["name"], r["dept"], r["salary"], r["age"]))

print("by salary desc, then name:")
show(sorted(records, key=lambda r: (-r["salary"], r["name"])))
print("by dept, then age:")
show(sorted(records, key=lambda r: (r["dept"], r["age"])))
print("stable two-pass (age, then dept):")
tmp = sorted(records, key=lambda r: r["age"])
show(sorted(tmp, key=lambda r: r["dept"]))
groups = {}
for r in records:
    groups.setdefault(r["dept"], []).append(r)
for dept, rs in sorted(groups.items()):
    total = sum(r["salary"] for r in rs)
    print(dept, len(rs), total, round(total / len(rs), 2), max(rs, key=lambda r: r["age"])["name"])
tuples = [(r["age"], r["name"]) for r in records]
tuples.sort(reverse=True)
print(tuples)
print([r["name"] for r in sorted(records, key=lambda r: r["name"][::-1])])
