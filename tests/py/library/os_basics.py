"""os: the working directory, directories and files, the environment, the process."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "_tmp_os_basics")

print(os.name, repr(os.sep), repr(os.linesep), repr(os.pathsep), repr(os.curdir), repr(os.pardir))
print(os.path is sys.modules["os.path"], os.path.__name__)
print(type(os.getcwd()).__name__, os.path.isabs(os.getcwd()), os.getcwd() == HERE)
print(type(os.getpid()).__name__, os.getpid() > 0, type(os.cpu_count()).__name__, os.cpu_count() >= 1)

# The environment.
os.environ["KRAIT_TEST_VAR"] = "value 1"
print(os.environ["KRAIT_TEST_VAR"], os.getenv("KRAIT_TEST_VAR"), os.environ.get("KRAIT_TEST_VAR"))
print("KRAIT_TEST_VAR" in os.environ, os.environ.get("KRAIT_NO_SUCH_VAR"), os.getenv("KRAIT_NO_SUCH_VAR", "dflt"))
del os.environ["KRAIT_TEST_VAR"]
print("KRAIT_TEST_VAR" in os.environ, os.getenv("KRAIT_TEST_VAR"))
try:
    os.environ["KRAIT_NO_SUCH_VAR"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print(e)
print(type(os.environ).__name__, isinstance(dict(os.environ), dict), len(os.environ) == len(list(os.environ)))
print(os.environ.setdefault("KRAIT_TEST_VAR2", "d"), os.environ.pop("KRAIT_TEST_VAR2"))

# Directories and files.
if os.path.exists(D):
    for root, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(D)
os.mkdir(D)
print(os.path.isdir(D), os.path.isfile(D), os.listdir(D))
try:
    os.mkdir(D)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
os.makedirs(os.path.join(D, "a", "b", "c"))
os.makedirs(os.path.join(D, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(D, "a"))
except FileExistsError as e:
    print("makedirs:", type(e).__name__)
for name in ["x.txt", "y.py", os.path.join("a", "z.txt")]:
    with open(os.path.join(D, name), "w") as f:
        f.write(name * 3)
print(sorted(os.listdir(D)), sorted(os.listdir(os.path.join(D, "a"))))
print(os.path.getsize(os.path.join(D, "x.txt")), os.stat(os.path.join(D, "y.py")).st_size)
st = os.stat(os.path.join(D, "x.txt"))
print(type(st).__name__, st.st_size == st[6], isinstance(st.st_mtime, float), len(st))
for root, dirs, files in os.walk(D):
    dirs.sort()
    print(os.path.relpath(root, D), sorted(dirs), sorted(files))
print(sorted(e.name for e in os.scandir(D)), sorted(e.name for e in os.scandir(D) if e.is_dir()))
os.rename(os.path.join(D, "x.txt"), os.path.join(D, "x2.txt"))
print(sorted(os.listdir(D)))
os.remove(os.path.join(D, "x2.txt"))
for bad in [lambda: os.remove(os.path.join(D, "nope")), lambda: os.rmdir(os.path.join(D, "nope")),
            lambda: os.listdir(os.path.join(D, "nope")), lambda: os.stat(os.path.join(D, "nope")),
            lambda: os.rmdir(os.path.join(D, "a"))]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
try:
    os.rename(os.path.join(D, "nope"), os.path.join(D, "other"))
except OSError as e:
    print(type(e).__name__, os.path.basename(e.filename), os.path.basename(e.filename2))
os.remove(os.path.join(D, "a", "z.txt"))
os.removedirs(os.path.join(D, "a", "b", "c"))
print(os.listdir(D))
os.unlink(os.path.join(D, "y.py"))
os.rmdir(D)
print(os.path.exists(D))

# Relative paths and chdir.
old = os.getcwd()
os.chdir(os.pardir)
print(os.path.basename(os.getcwd()) == os.path.basename(os.path.dirname(HERE)))
os.chdir(old)
print(os.getcwd() == old, os.fspath("p"), os.fsencode("p"), os.fsdecode(b"p"))
