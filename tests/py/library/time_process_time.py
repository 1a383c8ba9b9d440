# time.process_time measures CPU time: it advances while computing, not while sleeping.
import time

t0 = time.process_time()
w0 = time.perf_counter()
s = 0
for i in range(2000000):
    s += i * i
cpu = time.process_time() - t0
wall = time.perf_counter() - w0
print(cpu > 0, cpu <= wall * 1.5 + 0.05)
t1 = time.process_time()
time.sleep(0.3)
print(time.process_time() - t1 < 0.15)
print(type(time.process_time()).__name__, type(time.process_time_ns()).__name__)
