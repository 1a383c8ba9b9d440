# sys.float_info, int_info, hash_info and encodings; sys.intern and stdout.write.
import sys

fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.max_exp, fi.min_exp, fi.max_10_exp, fi.min_10_exp, fi.radix, fi.rounds)
print(fi[0] == fi.max, len(fi), 1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0, fi.max * 2)
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan)
print(hash(float("inf")) == sys.hash_info.inf, hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(sys.hash_info.modulus + 5))
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.maxsize == 2**63 - 1, sys.maxunicode)
n = sys.stdout.write("written\n")
print(n, sys.intern("ab" + "c") is sys.intern("abc"))
