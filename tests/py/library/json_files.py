"""json.dump and json.load with files and in-memory streams."""
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
p = os.path.join(HERE, "_tmp_json_files.json")

data = {"name": "krait", "versions": [3, 11], "ratio": 0.75, "ok": True, "none": None, "é": "ü"}
with open(p, "w") as f:
    json.dump(data, f)
with open(p) as f:
    print(f.read())
with open(p) as f:
    print(json.load(f) == data)
with open(p, "w", encoding="utf-8") as f:
    json.dump(data, f, indent=2, ensure_ascii=False, sort_keys=True)
    f.write("\n")
print(open(p, encoding="utf-8").read(), end="")
with open(p, "rb") as f:
    print(json.load(f) == data)

buf = io.StringIO()
json.dump([1, {"a": "b"}], buf, separators=(",", ":"))
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
print(json.load(io.StringIO('{"x": [1, 2, 3]}'), object_hook=lambda d: list(d.items())))


class Writes:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


w = Writes()
json.dump({"k": [1, 2]}, w)
print("".join(w.parts))

lines = [json.dumps({"i": i, "sq": i * i}) for i in range(5)]
with open(p, "w") as f:
    f.write("\n".join(lines) + "\n")
with open(p) as f:
    print(sum(json.loads(line)["sq"] for line in f))
os.remove(p)
print(os.path.exists(p))
