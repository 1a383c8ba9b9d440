# time.time() differences and gc.collect() return type.
import time
import gc
t0 = time.time()
total = 0
for i in range(10000):
    total += i
t1 = time.time()
print(total, t1 - t0 >= 0, type(t0).__name__, t0 > 1e9)
class Node:
    def __init__(self):
        self.ref = self
for _ in range(100):
    Node()
n = gc.collect()
print(type(n).__name__, n >= 0)
t2 = time.time()
print(t2 >= t1, t2 - t0 < 60)
