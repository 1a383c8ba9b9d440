"""The os module: operating-system interfaces over the native posix module, with
os.path as posixpath. Written after CPython's Lib/os.py (a subset: files,
directories, the environment, the process)."""

import sys
import posix
from posix import (
    getcwd, chdir, listdir, mkdir, rmdir, remove, unlink, rename, replace, readlink,
    getpid, getppid, cpu_count, putenv, unsetenv, strerror, urandom, fspath,
)
import posixpath as path

sys.modules["os.path"] = path

from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

name = "posix"
linesep = "\n"
error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

__all__ = [
    "altsep", "curdir", "pardir", "sep", "pathsep", "linesep", "defpath", "name", "path",
    "devnull", "SEEK_SET", "SEEK_CUR", "SEEK_END", "fsencode", "fsdecode", "get_exec_path",
    "makedirs", "removedirs", "renames", "walk", "getenv", "environ", "error", "getcwd",
    "chdir", "listdir", "mkdir", "rmdir", "remove", "unlink", "rename", "replace", "stat",
    "lstat", "getpid", "cpu_count", "scandir", "fspath", "stat_result", "strerror",
]


class stat_result(tuple):
    """The result of os.stat(): ten fields by index, more by name."""

    n_sequence_fields = 10
    n_fields = 16
    n_unnamed_fields = 3

    _names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
              "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, raw):
        self = tuple.__new__(cls, raw[:7] + (int(raw[7]), int(raw[8]), int(raw[9])))
        self._raw = raw
        return self

    st_mode = property(lambda self: self._raw[0])
    st_ino = property(lambda self: self._raw[1])
    st_dev = property(lambda self: self._raw[2])
    st_nlink = property(lambda self: self._raw[3])
    st_uid = property(lambda self: self._raw[4])
    st_gid = property(lambda self: self._raw[5])
    st_size = property(lambda self: self._raw[6])
    st_atime = property(lambda self: self._raw[7])
    st_mtime = property(lambda self: self._raw[8])
    st_ctime = property(lambda self: self._raw[9])
    st_atime_ns = property(lambda self: self._raw[10])
    st_mtime_ns = property(lambda self: self._raw[11])
    st_ctime_ns = property(lambda self: self._raw[12])

    def __repr__(self):
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._names, self))
        return f"os.stat_result({fields})"


def getcwdb():
    """Return a bytes string representing the current working directory."""
    return getcwd().encode("utf-8", "surrogateescape")


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path."""
    return stat_result(posix.stat(path, dir_fd, follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Like stat(), but do not follow symbolic links."""
    return stat_result(posix.lstat(path, dir_fd))


def makedirs(name, mode=0o777, exist_ok=False):
    """Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, "ASCII")
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Super-rmdir; remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Super-rename; create directories as necessary and delete any left empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """An entry yielded by scandir(): a name, its path, and its type."""

    def __init__(self, dirpath, name):
        self.name = name
        if dirpath in (".", b"."):
            self.path = name
        else:
            self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def is_dir(self, *, follow_symlinks=True):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000 == 0o040000
        except FileNotFoundError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000 == 0o100000
        except FileNotFoundError:
            return False

    def is_symlink(self):
        try:
            return self.stat(follow_symlinks=False).st_mode & 0o170000 == 0o120000
        except FileNotFoundError:
            return False


class _ScandirIterator:
    def __init__(self, dirpath):
        self._dirpath = dirpath
        self._names = iter(listdir(dirpath))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dirpath, next(self._names))

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        self._names = iter(())


def scandir(path="."):
    """An iterator of DirEntry objects for the entries of the directory."""
    if path is None:
        path = "."
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames)."""
    return _walk(fspath(top), topdown, onerror, followlinks)


def _walk(top, topdown, onerror, followlinks):
    dirs = []
    nondirs = []
    walk_dirs = []
    try:
        scandir_it = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    with scandir_it:
        for entry in scandir_it:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        is_symlink = entry.is_symlink()
                    except OSError:
                        is_symlink = False
                    walk_into = not is_symlink
                if walk_into:
                    walk_dirs.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        islink, join = path.islink, path.join
        for dirname in dirs:
            new_path = join(top, dirname)
            if followlinks or not islink(new_path):
                yield from _walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from _walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


from _collections_abc import MutableMapping, Mapping


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value


class _Environ(MutableMapping):
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[_check_str(key)]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        key = _check_str(key)
        value = _check_str(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        key = _check_str(key)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        keys = list(self._data)
        for key in keys:
            yield key

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        formatted_items = ", ".join(f"{key!r}: {value!r}" for key, value in self._data.items())
        return f"environ({{{formatted_items}}})"

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


environ = _Environ(posix._environ())


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def get_exec_path(env=None):
    """The directories searched for an executable (from PATH)."""
    if env is None:
        env = environ
    p = env.get("PATH")
    if p is None:
        p = defpath
    return p.split(pathsep)


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to bytes."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) to str."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


class PathLike:
    """Abstract base class for implementing the file system path protocol.
    (its isinstance hooks are classmethods, which isinstance() consults.)"""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __instancecheck__(cls, obj):
        return hasattr(type(obj), "__fspath__")

    @classmethod
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "__fspath__")
