# The builtins copyright, credits and license.
print(repr(copyright))
print(repr(credits))
print(repr(license))
print(str(license) == repr(license), callable(license))
