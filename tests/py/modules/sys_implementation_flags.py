# sys.implementation (krait names itself; the version is sys.version_info) and sys.flags.
import os
import sys

impl = sys.implementation
print(type(impl.name), impl.version == sys.version_info, impl.version is sys.version_info)
print(impl.hexversion == sys.hexversion, hex(sys.hexversion)[:6])
print(impl.cache_tag is None or isinstance(impl.cache_tag, str))
print(sys.implementation is impl)
f = sys.flags
print(type(f).__name__, len(f), f.debug, f.inspect, f.interactive, f.optimize, f.no_site)
print(f.ignore_environment, f.verbose, f.bytes_warning, f.quiet, f.isolated)
print(f.dev_mode, f.utf8_mode, f.warn_default_encoding, f.safe_path, f.int_max_str_digits)
print(f.dont_write_bytecode == (1 if os.environ.get('PYTHONDONTWRITEBYTECODE') else 0))
print(f[0], f[3], f[-1], f.optimize == f[3])
print([field.split('=')[0] for field in repr(f)[len('sys.flags('):-1].split(', ')])
from sys import implementation
print(implementation is impl)
try:
    sys.no_such_attribute
except AttributeError as e:
    print(e)
print(hasattr(sys, 'no_such_attribute'), hasattr(sys, 'implementation'))
