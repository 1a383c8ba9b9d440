# math module functions.
import math
print(math.pi, math.e, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0), math.trunc(-3.7))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi), round(math.sin(math.pi), 12))
print(math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024), math.log(1))
print(math.exp(0), math.exp(1), math.exp(2), math.pow(2, 10), math.pow(2, 0.5))
print(math.fabs(-3), math.fabs(2.5), math.isnan(float("nan")), math.isnan(1.0), math.isinf(math.inf), math.isinf(1e308))
print(math.sqrt(10 ** 20), math.floor(-0.5), math.ceil(-0.5), math.ceil(2 ** 70 + 0.0))
print(math.fabs(-0.0), math.pow(-2, 3), math.pow(4, -0.5), math.isnan(math.inf - math.inf))
print(math.floor(5), math.ceil(5), math.sqrt(0.0), math.sqrt(1e-10), math.sin(1), math.cos(1))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
for x in [0.5, 1.0, 2.0, 10.0]:
    print(x, math.sqrt(x), math.log(x), math.exp(x), math.floor(x * 3.3))
