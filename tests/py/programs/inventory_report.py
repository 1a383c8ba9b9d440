# An inventory system producing a formatted report.
class Item:
    def __init__(self, sku, name, price, qty, tags=()):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = list(tags)
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return "Item(%r, qty=%d)" % (self.sku, self.qty)

class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
    def remove(self, sku, qty):
        item = self.items[sku]
        if qty > item.qty:
            raise ValueError("only %d of %s left" % (item.qty, sku))
        item.qty -= qty
        if item.qty == 0:
            del self.items[sku]
    def report(self):
        lines = ["%-6s %-14s %8s %5s %10s" % ("SKU", "NAME", "PRICE", "QTY", "VALUE")]
        lines.append("-" * len(lines[0]))
        for it in sorted(self.items.values(), key=lambda i: -i.value):
            lines.append(f"{it.sku:<6} {it.name:<14} {it.price:>8.2f} {it.qty:>5} {it.value:>10,.2f}")
        total = sum(i.value for i in self.items.values())
        lines.append(f"{'TOTAL':<36} {total:>10,.2f}")
        return "\n".join(lines)

inv = Inventory()
inv.add(Item("A1", "widget", 2.5, 100, ["small"]))
inv.add(Item("B7", "gadget", 19.99, 12, ["electronic"]))
inv.add(Item("C3", "gizmo deluxe", 1250.0, 3, ["electronic", "premium"]))
inv.add(Item("A1", "widget", 2.5, 50))
inv.add(Item("D0", "doohickey", 0.1, 7))
print(inv.report())
for sku, q in [("B7", 2), ("D0", 7), ("C3", 5), ("ZZ", 1)]:
    try:
        inv.remove(sku, q)
        print("removed", q, sku)
    except ValueError as e:
        print("error:", e)
    except KeyError as e:
        print("unknown sku", e)
print(inv.report())
print(sorted(inv.items.values(), key=lambda i: i.sku))
tag_index = {}
for it in inv.items.values():
    for t in it.tags:
        tag_index.setdefault(t, []).append(it.sku)
print(tag_index)
