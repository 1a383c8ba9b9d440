# Deleting a built-in exception's name must not free the class the runtime raises.
import builtins
import gc
saved = builtins.KeyError
del builtins.KeyError
for _ in range(3):
    gc.collect()
    junk = [[i] * 10 for i in range(20000)]
try:
    {}[1]
except Exception as e:
    print(type(e).__name__, e, type(e) is saved)
builtins.KeyError = saved
