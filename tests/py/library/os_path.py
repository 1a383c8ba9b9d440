"""os.path: joining, splitting and normalising paths; querying the file system."""
import os
import os.path
from os.path import join, split, splitext, basename, dirname

print(join("a", "b", "c"), join("a/", "b"), join("a", "/b", "c"), join("", "x"), join("a", ""))
print(join(b"a", b"b"))
for p in ["a/b/c.txt", "/a/b/", "c.txt", "/", "", "a//b", ".hidden", "a/.b.c", "archive.tar.gz", "a.b/c"]:
    print(repr(p), split(p), splitext(p), repr(basename(p)), repr(dirname(p)))
for p in ["a/./b/../c", "//a//b/", "///x", "../../a", "/..", "", "a/b/..", "./"]:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.isabs(""))
print(os.path.splitdrive("/a/b"), os.path.normcase("AbC"))
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("/a/x", "/a/y"))
print(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]), repr(os.path.commonprefix([])))
print(os.path.commonpath(["/usr/lib", "/usr/local/x", "/usr/li"]))
try:
    os.path.commonpath(["/a", "b"])
except ValueError as e:
    print(e)
try:
    join("a", 5)
except TypeError as e:
    print(e)
try:
    join("a", b"b")
except TypeError as e:
    print(e)
os.environ["KRAIT_PATH_VAR"] = "val"
print(os.path.expandvars("$KRAIT_PATH_VAR/x/${KRAIT_PATH_VAR}/$NO_SUCH_KRAIT_VAR/${}/$"))
os.environ["HOME"] = "/home/krait"
print(os.path.expanduser("~/docs"), os.path.expanduser("x~"), os.path.expanduser("~"))

here = os.path.dirname(os.path.abspath(__file__))
print(os.path.abspath("x.txt") == join(os.getcwd(), "x.txt"), os.path.abspath("/a/../b"))
print(os.path.exists(here), os.path.isdir(here), os.path.isfile(here))
me = os.path.abspath(__file__)
print(os.path.exists(me), os.path.isfile(me), os.path.isdir(me), os.path.getsize(me) > 100)
print(os.path.exists("no_such_file_here"), os.path.isfile("no_such_file_here"), os.path.islink(me))
print(os.path.lexists(me), os.path.samefile(me, basename(me)), os.path.realpath(basename(me)) == me)
print(isinstance(os.path.getmtime(me), float))
try:
    os.path.getsize("no_such_file_here")
except FileNotFoundError as e:
    print(e)


class P:
    def __fspath__(self):
        return "from/fspath"


print(join(P(), "x"), os.fspath(P()), basename(P()), isinstance(P(), os.PathLike))
