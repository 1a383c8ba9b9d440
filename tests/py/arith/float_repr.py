# Float repr is the shortest string that round-trips.
values = [0.1 + 0.2, 0.1, 0.2, 0.3, 1e16, 1e15, 1e-5, 1e-4, 1e22, 1e21, 1e23,
          123456789.0, 1234567890123456789.0, 0.5, 2.5, 100.0, 1.0, -1.0,
          1 / 3, 2 / 3, 3.14159, 1e300 * 10, 5e-324, 1.7976931348623157e308,
          0.000123, 12345.678, 1e100, 9.999999999999999e22, 0.1 * 3, 4.35 * 100]
for v in values:
    print(repr(v), str(v))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(nan))
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, inf == inf)
print(inf - inf, inf * 0, -inf * -1)
print(-0.0, 0.0, -0.0 == 0.0, repr(-0.0), 0.0 * -1)
print(float("-0"), float("  3.5  "), float("1e3"), float("-1E-3"), float("inf"), float("-Infinity"))
for v in values:
    assert float(repr(v)) == v
print("round-trip ok")
print([0.1, 0.25, 1e16], (1.5,), {1.0: 2.5})
print(1e16 + 1, 2.0 ** 60, float(2 ** 60))
print(0.1 + 0.7, 1.1 * 1.1, 3 * 1.1)
