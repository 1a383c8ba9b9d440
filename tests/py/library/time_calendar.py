# time: gmtime, struct_time, strftime with every common directive, asctime, and the
# clocks' result types (no output that depends on the current time or the local zone).
import time

stamps = [0, 86400 * 365, 951782400, 1700000000, 2**31, -86400 * 400, 1230768000,
          1262217600, 1104537600, 4102444800, 1609459199, 1356998400]
for secs in stamps:
    t = time.gmtime(secs)
    print(t)
    print(" ", t.tm_year, t.tm_yday, t.tm_wday, t.tm_zone, t.tm_gmtoff, t[0:3], len(t))
    print(" ", time.strftime("%a %A %b %B %d %H %I %j %m %M %p %S %y %Y %%", t))
    print(" ", time.strftime("%U %W %w %u %G %V %g %C %e %D %T %F %R %r %c %x %X", t))
    print(" ", time.asctime(t))
fixed = (2021, 3, 4, 15, 6, 7, 3, 63, 0)
print(time.strftime("%Y-%m-%d %H:%M:%S", fixed), time.asctime(fixed))
st = time.struct_time(fixed)
print(st, st.tm_hour, st == fixed, tuple(st))
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter()).__name__,
      type(time.monotonic()).__name__, type(time.process_time()).__name__, type(time.localtime()).__name__)
t0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.009, time.localtime().tm_year >= 2024, len(time.ctime()) == 24)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
