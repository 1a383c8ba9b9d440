"""time: clocks and sleep from the native _time module, and the calendar functions
(struct_time, gmtime, localtime, mktime, strftime, asctime, ctime) written here.

Local time follows the TZif zone file named by $TZ (under /usr/share/zoneinfo) or
/etc/localtime; without one it is UTC. POSIX TZ rule strings are not interpreted.
"""

from _time import *
import _time

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAYS_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")


class struct_time(tuple):
    """The time value sequence returned by gmtime(), localtime() and strptime()."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, zone=None, gmtoff=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 9:
            zone = seq[9]
        if len(seq) > 10:
            gmtoff = seq[10]
        self = tuple.__new__(cls, seq[:9])
        self._zone = zone
        self._gmtoff = gmtoff
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (tuple(self),))


struct_time.__module__ = "time"


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def _fields(secs, isdst, zone, gmtoff):
    days, rem = divmod(secs, 86400)
    y, m, d = _civil_from_days(days)
    yday = _days_from_civil(y, m, d) - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, wday, yday, isdst), zone, gmtoff)


def _seconds(secs):
    if secs is None:
        return int(_time.time())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if secs in (float("inf"), float("-inf")):
            raise OverflowError("timestamp out of range for platform time_t")
    return int(secs)


def gmtime(secs=None):
    """Convert seconds since the Epoch to a time tuple expressing UTC."""
    return _fields(_seconds(secs), 0, "GMT", 0)


# -- The local zone ---------------------------------------------------------------------

_zone = None


def _load_zone():
    import os
    tz = os.environ.get("TZ")
    path = "/etc/localtime"
    if tz:
        name = tz[1:] if tz.startswith(":") else tz
        path = name if name.startswith("/") else "/usr/share/zoneinfo/" + name
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        data = b""
    return _parse_tzif(data) or ([], [(0, 0, "UTC")], 0)


def _parse_tzif(data):
    """(transition times, [(offset, isdst, abbreviation)], index per transition) or None."""
    if data[:4] != b"TZif":
        return None

    def counts(at):
        return [int.from_bytes(data[at + 20 + 4 * i:at + 24 + 4 * i], "big") for i in range(6)]

    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts(0)
    pos, size = 44, 4
    if data[4:5] >= b"2":
        # Skip the 32-bit block and read the 64-bit one.
        pos += timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt
        isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts(pos)
        pos += 44
        size = 8
    times = [int.from_bytes(data[pos + size * i:pos + size * (i + 1)], "big", signed=True) for i in range(timecnt)]
    pos += size * timecnt
    idx = list(data[pos:pos + timecnt])
    pos += timecnt
    raw = []
    for i in range(typecnt):
        rec = data[pos + 6 * i:pos + 6 * i + 6]
        raw.append((int.from_bytes(rec[:4], "big", signed=True), rec[4], rec[5]))
    pos += 6 * typecnt
    chars = data[pos:pos + charcnt]
    types = []
    for off, dst, ai in raw:
        end = chars.find(b"\0", ai)
        types.append((off, dst, chars[ai:end if end >= 0 else len(chars)].decode("ascii", "replace")))
    if not types:
        return None
    return times, types, idx


def _local_type(secs):
    global _zone
    if _zone is None:
        _zone = _load_zone()
    times, types, idx = _zone
    if not times or secs < times[0]:
        for t in types:
            if not t[1]:
                return t
        return types[0]
    lo, hi = 0, len(times)
    while lo < hi:
        mid = (lo + hi) // 2
        if times[mid] <= secs:
            lo = mid + 1
        else:
            hi = mid
    return types[idx[lo - 1]]


def localtime(secs=None):
    """Convert seconds since the Epoch to a time tuple expressing local time."""
    s = _seconds(secs)
    off, dst, abbr = _local_type(s)
    return _fields(s + off, 1 if dst else 0, abbr, off)


def mktime(t):
    """Convert a time tuple in local time to seconds since the Epoch."""
    t = tuple(t)
    if len(t) != 9:
        raise TypeError("mktime(): illegal time tuple argument")
    y, mo, d, h, mi, s = (int(v) for v in t[:6])
    y += (mo - 1) // 12
    mo = (mo - 1) % 12 + 1
    base = _days_from_civil(y, mo, 1) + d - 1
    guess = base * 86400 + h * 3600 + mi * 60 + s
    off = _local_type(guess)[0]
    off = _local_type(guess - off)[0]
    return float(guess - off)


def _now_tuple(t, what):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9 and not isinstance(t, struct_time):
        raise TypeError("%s(): illegal time tuple argument" % what)
    return t


def asctime(t=None):
    """Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."""
    t = _now_tuple(t, "asctime")
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[t[6] % 7], _MONTHS[(t[1] - 1) % 12], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    """Convert a time in seconds since the Epoch to a string in local time."""
    return asctime(localtime(secs))


def _weeks_in(y):
    def p(y):
        return (y + y // 4 - y // 100 + y // 400) % 7
    return 53 if p(y) == 4 or p(y - 1) == 3 else 52


def _iso(t):
    """(ISO year, ISO week) of a time tuple."""
    y = t[0]
    week = (t[7] - (t[6] + 1) + 10) // 7
    if week < 1:
        y -= 1
        week = _weeks_in(y)
    elif week > _weeks_in(y):
        y += 1
        week = 1
    return y, week


def strftime(format, t=None):
    """Convert a time tuple to a string according to a format specification."""
    t = _now_tuple(t, "strftime")
    year, mon, mday, hour, minute, sec, wday, yday = (int(v) for v in t[:8])
    if not 1 <= mon <= 12:
        raise ValueError("month out of range")
    if not 0 <= wday <= 6:
        wday %= 7
    zone = getattr(t, "tm_zone", None)
    gmtoff = getattr(t, "tm_gmtoff", None)
    if zone is None:
        off, _, zone = _local_type(int(_time.time()))
        gmtoff = off if gmtoff is None else gmtoff
    out = []
    i, n = 0, len(format)
    while i < n:
        c = format[i]
        if c != "%" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        d = format[i + 1]
        i += 2
        if d == "a":
            out.append(_DAYS[wday])
        elif d == "A":
            out.append(_DAYS_FULL[wday])
        elif d in "bh":
            out.append(_MONTHS[mon - 1])
        elif d == "B":
            out.append(_MONTHS_FULL[mon - 1])
        elif d == "c":
            out.append("%s %s %2d %02d:%02d:%02d %d" % (_DAYS[wday], _MONTHS[mon - 1], mday, hour, minute, sec, year))
        elif d == "C":
            out.append("%02d" % (year // 100))
        elif d == "d":
            out.append("%02d" % mday)
        elif d == "D":
            out.append("%02d/%02d/%02d" % (mon, mday, year % 100))
        elif d == "e":
            out.append("%2d" % mday)
        elif d == "F":
            out.append("%d-%02d-%02d" % (year, mon, mday))
        elif d == "H":
            out.append("%02d" % hour)
        elif d == "I":
            out.append("%02d" % ((hour + 11) % 12 + 1))
        elif d == "j":
            out.append("%03d" % yday)
        elif d == "k":
            out.append("%2d" % hour)
        elif d == "l":
            out.append("%2d" % ((hour + 11) % 12 + 1))
        elif d == "m":
            out.append("%02d" % mon)
        elif d == "M":
            out.append("%02d" % minute)
        elif d == "n":
            out.append("\n")
        elif d == "p":
            out.append("AM" if hour < 12 else "PM")
        elif d == "r":
            out.append("%02d:%02d:%02d %s" % ((hour + 11) % 12 + 1, minute, sec, "AM" if hour < 12 else "PM"))
        elif d == "R":
            out.append("%02d:%02d" % (hour, minute))
        elif d == "S":
            out.append("%02d" % sec)
        elif d == "t":
            out.append("\t")
        elif d == "T" or d == "X":
            out.append("%02d:%02d:%02d" % (hour, minute, sec))
        elif d == "u":
            out.append(str(wday + 1))
        elif d == "w":
            out.append(str((wday + 1) % 7))
        elif d == "U":
            out.append("%02d" % ((yday + 6 - (wday + 1) % 7) // 7))
        elif d == "W":
            out.append("%02d" % ((yday + 6 - wday) // 7))
        elif d == "G":
            out.append(str(_iso(t)[0]))
        elif d == "g":
            out.append("%02d" % (_iso(t)[0] % 100))
        elif d == "V":
            out.append("%02d" % _iso(t)[1])
        elif d == "x":
            out.append("%02d/%02d/%02d" % (mon, mday, year % 100))
        elif d == "y":
            out.append("%02d" % (year % 100))
        elif d == "Y":
            out.append(str(year))
        elif d == "z":
            g = gmtoff or 0
            sign = "-" if g < 0 else "+"
            g = abs(g)
            out.append("%s%02d%02d" % (sign, g // 3600, g // 60 % 60))
        elif d == "Z":
            out.append(zone or "")
        elif d == "%":
            out.append("%")
        else:
            out.append("%" + d)
    return "".join(out)


def _init_zone_names():
    off, dst, abbr = _local_type(int(_time.time()))
    return -off, abbr


timezone, _abbr = _init_zone_names()
altzone = timezone
daylight = 0
tzname = (_abbr, _abbr)
