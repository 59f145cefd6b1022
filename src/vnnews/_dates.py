"""Vietnamese date expressions.  For now: publication datelines.

A dateline is a whole line such as ``Thứ Ba, 12/06/2018, 08:55 [GMT+7]``,
``Thứ tư, 7/2/2024, 23:41 (GMT+7)``, ``14/01/2026 16:13 GMT+7``,
``12/06/2018 - 08:55``, ``2018-06-12T08:55:00+07:00`` or ``20200918``.
Dates are always day-month-year.  A time without an offset is Vietnam time
(+07:00); ``GMT+7`` means UTC+07:00 (not the POSIX reading, UTC−7).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from datetime import time as _time
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from ._data import rows
from ._normalize import fold

__all__ = [
    "VIETNAM",
    "DateExpression",
    "DateSpan",
    "Dateline",
    "find_date_expressions",
    "find_dates",
    "format_dateline",
    "lowered",
    "parse_dateline",
    "resolve_year",
    "word_pattern",
]

#: Vietnam's offset: UTC+07:00, no daylight saving since 1975.
VIETNAM: Final = timezone(timedelta(hours=7))

_WEEKDAYS: Final = {fold(word): int(day) for word, day in rows("weekdays.tsv")}
_WEEKDAY_NAMES: Final = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

_DATELINE: Final = re.compile(
    r"""
    ^(?:(?P<weekday>th[ứu]\s*\w+|ch[ủu]\s*nh[ậa]t|cn|t[2-7])\s*[,\-–]?\s*)?   # Thứ Ba,
    (?:ngày\s+)?
    (?P<day>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<year>\d{4})
    (?:\s*[,\-–|]?\s*(?:lúc\s+)?
       (?P<hour>\d{1,2})\s*[:hg]\s*(?P<minute>\d{2})(?:\s*:\s*(?P<second>\d{2})(?:\.(?P<frac>\d{1,6}))?)?)?
    (?:\s*[\[(]?\s*(?:gmt|utc)\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\s*[\])]?)?
    \s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_COMPACT: Final = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
_ISO: Final = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)


@attrs.frozen
class Dateline:
    """A parsed dateline: its value and, if any, why it should not be trusted blindly."""

    value: datetime | date
    problem: str | None = None


def parse_dateline(line: str) -> Dateline | None:
    """Read ``line`` as a whole dateline; None when it is not one.

    A line of dateline shape whose date cannot exist (31/02/2020) is not a
    dateline either.  A weekday that disagrees with the date gives a
    ``problem`` sentence; the date wins, since the weekday is redundant.
    """
    text = line.strip()
    if len(text) > 80:  # noqa: PLR2004 - datelines are short; do not scan paragraphs
        return None
    if m := _COMPACT.match(text):
        day = _date(m["year"], m["month"], m["day"])
        return Dateline(day) if day else None
    if _ISO.match(text):
        return _iso(text)
    m = _DATELINE.match(text)
    if not m:
        return None
    day = _date(m["year"], m["month"], m["day"])
    if day is None:
        return None
    value: datetime | date = day
    if m["hour"] is not None:
        hour, minute, second = int(m["hour"]), int(m["minute"]), int(m["second"] or 0)
        tz = _offset(m["sign"], m["oh"], m["om"]) if m["sign"] else VIETNAM
        if tz is None or hour > 23 or minute > 59 or second > 59:  # noqa: PLR2004
            return None
        micro = int((m["frac"] or "0").ljust(6, "0"))
        value = datetime(day.year, day.month, day.day, hour, minute, second, micro, tzinfo=tz)
    problem = None
    if m["weekday"] is not None:
        stated = _WEEKDAYS.get(fold(m["weekday"]))
        if stated is None:
            # "Thứ" followed by something that is no weekday: not a dateline.
            return None
        if stated != day.isoweekday():
            problem = (
                f"weekday {m['weekday']!r} disagrees with {day.isoformat()}, "
                f"a {_WEEKDAY_NAMES[day.isoweekday() - 1]}; the date was kept"
            )
    return Dateline(value, problem)


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _offset(sign: str, hours: str, minutes: str | None) -> timezone | None:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if sign in "-−" else delta)


def _iso(text: str) -> Dateline | None:
    try:
        if len(text) == len("YYYY-MM-DD"):
            return Dateline(date.fromisoformat(text))
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return Dateline(moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM))


def format_dateline(value: datetime | date) -> str:
    """Render a publication time in the founding example's dateline layout.

    >>> from datetime import datetime
    >>> format_dateline(datetime(2018, 6, 12, 8, 55, tzinfo=VIETNAM))
    'Thứ Ba, 12/06/2018, 08:55 [GMT+7]'
    """
    weekday = _WEEKDAY_NAMES[value.isoweekday() - 1]
    out = f"{weekday}, {value.day:02d}/{value.month:02d}/{value.year:04d}"
    if not isinstance(value, datetime):
        return out
    out += f", {value.hour:02d}:{value.minute:02d}"
    if value.second or value.microsecond:
        out += f":{value.second:02d}"
    if value.microsecond:
        out += f".{value.microsecond:06d}"
    offset = value.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    zone = f"{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")
    return out + f" [GMT{zone}]"


# --- dates in running text ----------------------------------------------------------


@attrs.frozen
class DateSpan:
    """A full calendar date written in running text, with where it stands.

    ``start`` and ``end`` delimit the expression in the searched string,
    including a leading "ngày" when there is one.
    """

    value: date
    start: int
    end: int


# A day-month-year date in any of the forms news and legal texts use:
# "ngày 03/6/2013", "03-6-2013", "11.6.2018", "ngày 25 tháng 12 năm 2001".
# Lookarounds keep digits of longer numbers ("25-NQ/TW", "1.000.000") out.
_FULL_DATE: Final = re.compile(
    r"""
    (?<![\w/.\-])
    (?:(?P<ngay>ngày)\s+)?
    (?:
        (?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})
      | (?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:năm|,|/)\s*(?P<y2>\d{4})
    )
    (?![\w/\-]|\.\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def find_dates(text: str) -> list[DateSpan]:
    """Every full day-month-year date in ``text``, in order.

    >>> [d.value.isoformat() for d in find_dates("Nghị quyết số 25-NQ/TW, ngày 03/6/2013")]
    ['2013-06-03']
    >>> [d.value.isoformat() for d in find_dates("ngày 25 tháng 12 năm 2001 và 24-12-2010")]
    ['2001-12-25', '2010-12-24']

    Impossible dates (31/02/2020) and parts of longer numbers are not dates.
    """
    out = []
    for m in _FULL_DATE.finditer(text):
        if m["d"] is not None:
            day = _date(m["y"], m["m"], m["d"])
        else:
            day = _date(m["y2"], m["m2"], m["d2"])
        if day is not None:
            out.append(DateSpan(day, m.start(), m.end()))
    return out


# --- date expressions: every way news writes a date, time or part of day ----------------


@attrs.frozen
class DateExpression:
    """A date, time, part of day or range written in running text, resolved where it can be.

    ``start`` and ``end`` delimit the expression ("Chiều 11/6/2018", "sáng nay (6/2)",
    "từ ngày 5-5 đến 10-5-2017", "lúc 14 giờ").  ``date`` is the first day the expression
    names, or None when it cannot be known (a day and month with no year and no reference
    date, a lunar date, a time alone); ``precision`` says how much of it the text gives:
    ``"day"``, ``"month"`` (``date`` is the 1st), ``"quarter"``, ``"year"`` (1 January) or
    ``"time"`` (no date at all).  ``year_known`` is true when the text itself gives the
    year (or, for "hôm qua", the reference does by definition).  ``range_end`` is the last
    day (or month, year) of a range, ``weekday`` the ISO weekday the text states
    (Monday = 1), ``part_of_day`` the canonical part of day ("sáng", "chiều", "rạng sáng").
    ``relative`` marks dates counted from the reference ("hôm qua", "3 ngày trước");
    ``lunar`` dates ("ngày 13/1 âm lịch") are never resolved to the solar calendar.
    """

    start: int
    end: int
    date: _dt.date | None
    precision: str = "day"
    year_known: bool = False
    part_of_day: str | None = None
    time: _dt.time | None = None
    range_end: _dt.date | None = None
    weekday: int | None = None
    relative: bool = False
    lunar: bool = False


_PARTS: Final = {fold(word): canonical for word, canonical, *_ in rows("parts_of_day.tsv")}
_RELATIVE: Final = {fold(word): int(days) for word, days in rows("relative_days.tsv")}
_MONTH_NAMES: Final = {fold(word): int(month) for word, month in rows("months.tsv")}


def word_pattern(words: Iterable[str]) -> str:
    """An alternation of words, longest first, each space matching a short run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in ordered)


_PART_RE: Final = word_pattern(word for word, *_ in rows("parts_of_day.tsv"))
_MONTH_RE: Final = word_pattern(word for word, _ in rows("months.tsv"))
# Numbers stand alone: not inside "25-NQ/TW", "1.000.000", "30/2020/NĐ-CP" or a word.
_L: Final = r"(?<![\w/.\-])"
_R: Final = r"(?![\w/]|[.\-]\d)"
_AGO_UNITS: Final = r"ngày|tuần|tháng|năm"

# One alternation of atoms, tried at each position in this order; every repetition is
# bounded, so the scan stays linear on any input.  Atoms are joined into expressions
# by _group() when only spaces, commas, brackets or dashes stand between them.
_ATOMS: Final = re.compile(
    rf"""
    # No atom starts inside a word: one look-behind here spares trying every branch
    # at every letter (each branch repeats the check).
    (?<![^\W\d_])(?:
      (?P<full>{_L}(?P<fd>\d{{1,2}})(?P<fs>[/.\-])(?P<fm>\d{{1,2}})(?P=fs)(?P<fy>\d{{4}}){_R})
    | (?P<drange>{_L}(?P<rd1>\d{{1,2}})\s?[\-–]\s?(?P<rd2>\d{{1,2}})(?P<rs>[/.])(?P<rm>\d{{1,2}})
          (?:(?P=rs)(?P<ry>\d{{4}}))?{_R})
    | (?P<textual>{_L}(?P<td>\d{{1,2}})\s{{1,3}}tháng\s{{1,3}}(?P<tm>\d{{1,2}}(?!\d)|{_MONTH_RE})
          (?:\s{{1,3}}(?:năm\s{{1,3}}|,\s{{0,3}}|/)?(?P<ty>\d{{4}}))?(?![\w/]))
    | (?P<monthfirst>(?<!\w)tháng\s{{1,3}}(?P<mfm>{_MONTH_RE}|\d{{1,2}})\s{{1,3}}(?P<mfd>\d{{1,2}}),
          \s{{0,3}}(?P<mfy>\d{{4}})(?![\w/]))
    | (?P<ago>(?:(?<!\w)cách\s{{1,3}}đây\s{{1,3}})?{_L}(?P<an>\d{{1,3}})\s{{1,3}}
          (?P<au>{_AGO_UNITS})\s{{1,3}}(?P<adir>trước|nữa)(?!\w)
          (?!\s{{1,3}}(?:khi|đó|đấy|kia|hạn|thời|ngày|kỳ)(?!\w)))
    | (?P<after>(?<!\w)sau\s{{1,3}}(?P<fn>\d{{1,3}})\s{{1,3}}(?P<fu>{_AGO_UNITS})\s{{1,3}}nữa(?!\w))
    | (?P<dm>{_L}(?P<dd>\d{{1,2}})(?P<ds>[/\-])(?P<dmo>\d{{1,2}}){_R})
    | (?P<month>(?<!\w)tháng\s{{1,3}}(?P<mm>\d{{1,2}}(?!\d)|{_MONTH_RE})
          (?:\s{{0,3}}(?:/|năm\s)\s{{0,3}}(?P<my>\d{{4}})
          |\s{{1,3}}năm\s{{1,3}}(?P<myw>nay|ngoái|trước|tới|đó|ấy|sau|kia)(?!\w))?(?![\w/]))
    | (?P<quarter>(?<!\w)quý\s{{1,3}}(?P<q>IV|I{{1,3}}|[1-4])
          (?:\s{{0,3}}(?:/|năm\s)\s{{0,3}}(?P<qy>\d{{4}})
          |\s{{1,3}}năm\s{{1,3}}(?P<qyw>nay|ngoái|trước|tới|đó|ấy|sau|kia)(?!\w))?(?![\w/]))
    | (?P<yrange>(?:(?<!\w)(?:giai\s{{1,3}}đoạn|nhiệm\s{{1,3}}kỳ|niên\s{{1,3}}khóa|niên\s{{1,3}}khoá
          |từ\s{{1,3}}năm|năm)\s{{1,3}}|\()(?P<y1>\d{{4}})\s{{0,3}}(?:[\-–]{{1,2}}|đến|tới)\s{{0,3}}
          (?:năm\s{{1,3}})?(?P<y2>\d{{4}})(?![\w/]))
    | (?P<year>(?<!\w)năm\s{{1,3}}(?P<yy>\d{{4}})(?![\w/]|[.,]\d))
    | (?P<yearrel>(?<!\w)(?<!\d\s)năm\s{{1,3}}(?P<yw>nay|ngoái|tới)(?!\w))
    | (?P<rel>(?<!\w)(?:(?P<rp>{_PART_RE})\s{{1,3}}(?:hôm\s{{1,3}})?(?P<rw>nay|qua|mai|kia)
          |(?P<rw2>ngày\s{{1,3}}hôm\s{{1,3}}(?:nay|qua)|hôm\s{{1,3}}(?:nay|qua|kia)
          |ngày\s{{1,3}}mai))(?!\w))
    | (?P<weekday>(?<!\w)(?:thứ\s{{1,3}}(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s{{1,3}}nhật
          |(?<![\-/])(?-i:CN|T[2-7]))(?!\w))
    | (?P<time>{_L}(?P<th>\d{{1,2}})
          (?:\s{{0,2}}(?P<tsep>[:h])\s{{0,2}}(?P<tmin>\d{{2}})?(?::(?P<tsec>\d{{2}}))?
          |g(?P<tgmin>\d{{2}})
          |\s{{1,2}}giờ(?:\s{{1,2}}(?P<tmin2>\d{{1,2}})(?:\s{{1,2}}phút)?)?)
          (?:\s{{1,2}}(?P<ampm>(?-i:AM|PM|SA|CH)))?(?![\w:/]))
    | (?P<part>(?<!\w)(?:{_PART_RE})(?!\w))
    | (?P<cue>(?<!\w)(?:ngày(?=\s{{1,3}}\d)|(?<!\d\s)(?:ngày|hôm)
          |mùng|mồng|vào|lúc|từ|đến|tới|và|hoặc|khoảng)(?!\w))
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Where an atom may start: a digit, "(" or the first word of an atom, not inside a word.
# Every position where _ATOMS matches matches this; scanning for this cheap pattern and
# trying _ATOMS only there finds the same atoms as _ATOMS.finditer, some times faster.
_FIRST_WORDS: Final = {word.split()[0] for word, *_ in rows("parts_of_day.tsv")} | {
    *[
        "tháng",
        "cách",
        "sau",
        "quý",
        "giai",
        "nhiệm",
        "niên",
        "từ",
        "năm",
        "ngày",
        "hôm",
        "thứ",
        "chủ",
    ],
    *["mùng", "mồng", "vào", "lúc", "đến", "tới", "và", "hoặc", "khoảng"],
}
# The longest atom start that is a word.
_START_REACH: Final = max(len(word) for word in _FIRST_WORDS)
_ATOM_START: Final = re.compile(
    rf"(?<![^\W\d_])(?:\d+|\(|CN|T[2-7]|{word_pattern(_FIRST_WORDS)})", re.IGNORECASE
)


def _by_first_character(words: Iterable[str]) -> str:
    """An alternation of lower-case words not after a letter, one branch per first character.

    Each branch starts with its character alone, so that re skips quickly to the next
    place where one may start; the look-behind after it asks for no letter before it.
    Within a branch the longest word goes first, as in one alternation of them all.
    """
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(first)}(?<![^\\W\\d_].)(?:{'|'.join(rest)})" for first, rest in rests.items()
    )


# The same starts, lower case, to be found in the lower-cased text, where plain literals
# match quickly; a run of digits is one start, and the words are tried only where no
# letter stands before (no atom starts inside a number or a word).  lower() maps
# every character as re.IGNORECASE matches it, one for one, but for these three (and
# digits other than 0-9 are digits to \d): a text holding any is scanned as written.
_ATOM_START_LOWER: Final = re.compile(
    r"\("
    + "".join(f"|{digit}(?<![^\\W\\d_].)[0-9]*" for digit in "0123456789")
    + "|"
    + _by_first_character({*_FIRST_WORDS, "cn", *(f"t{d}" for d in "234567")})
)
_LOWER_ODD: Final = ("İ", "ı", "ſ")
# How re.IGNORECASE read those three: as "i", "i" and "s".  A word _ATOMS matched is
# translated so before it is looked up: lower() and fold() keep "ı" and make "İ" two
# characters ("i" and a combining dot), so "chİều" or "quý İ" would miss their tables.
_AS_MATCHED: Final = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_OTHER_DIGIT: Final = re.compile(r"[^\D0-9]")
# What may stand between two atoms of one expression.
_GAP_REACH: Final = 4
_GAP: Final = re.compile(rf"[\s,()\-–]{{0,{_GAP_REACH}}}")
# Words before a part of day that make it something else: "nhiều chiều", "ánh sáng".
_NOT_PART_BEFORE: Final = re.compile(r"(?i:ánh|nhiều|các|mọi|hai|ba|bốn|một|ngày)\s{1,3}$")
_LUNAR_AFTER: Final = re.compile(
    r"\s{0,2}\(?\s{0,2}(?:âm\s{1,3}lịch|(?-i:AL|ÂL))(?!\w)", re.IGNORECASE
)
# "tháng Giêng", "tháng Chạp": the traditional names are those of lunar months.
_LUNAR_MONTHS: Final = frozenset({"giêng", "chạp"})
_YEAR_WORDS: Final = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1}
_ROMAN_QUARTERS: Final = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DAY_CUES: Final = frozenset({"ngày", "hôm", "mùng", "mồng"})
_SPAN_CUES: Final = frozenset({"ngày", "hôm", "mùng", "mồng", "từ", "lúc"})
_RANGE_CUES: Final = frozenset({"đến", "tới"})
_LIST_CUES: Final = frozenset({"và", "hoặc"})
_TIME_CUES: Final = frozenset({"lúc", "vào", "khoảng", "từ", "đến", "tới"})
_WHOLE_TEXT_SLACK: Final = 2


def find_date_expressions(
    text: str, reference: date | datetime | None = None
) -> list[DateExpression]:
    """Every date, time, part of day and range in ``text``, resolved against ``reference``.

    ``reference`` is the article's publication date (or time): days without a year
    take the year that puts them nearest to it, relative words ("hôm qua", "sáng nay")
    count from it.

    >>> from datetime import date
    >>> [e] = find_date_expressions("Chiều 11/6/2018, tại Hà Nội")
    >>> e.date, e.part_of_day, e.year_known
    (datetime.date(2018, 6, 11), 'chiều', True)
    >>> [e] = find_date_expressions("sáng qua", date(2021, 1, 1))
    >>> e.date, e.part_of_day
    (datetime.date(2020, 12, 31), 'sáng')
    >>> find_date_expressions("05 năm qua, các cấp ủy")
    []
    """
    return expressions_in(text, reference, lowered(text))


def expressions_in(
    text: str,
    reference: date | datetime | None,
    low: str | None,
    until: int | None = None,
    *,
    first: int | None = None,
) -> list[DateExpression]:
    """``find_date_expressions(text, reference)``, given ``low = lowered(text)``.

    With ``until``, the expressions of the atom groups that start after it are left
    out, and the text after them is not even read.  With ``first``, those of groups
    that end before it may be left out too: the text is read from a place at or
    before ``first`` that no atom or group spans (see _resume_at), every group after
    it read as from the start.
    """
    ref = _reference_day(reference)
    start = 0 if first is None or low is None else _resume_at(low, first)
    atoms = _atoms_in(text, low, until, start)
    out: list[DateExpression] = []
    if all(m.lastgroup == "cue" for m in atoms):
        return out  # cue words alone ("vào", "từ") never make an expression
    # A weekday alone counts when it is the whole text ("Thứ năm" in a table cell): the
    # text is measured once for all groups (a line of many weekdays is not measured
    # again for each).
    stripped_length = len(text.strip())
    i = 0
    while i < len(atoms):
        j = i + 1
        while j < len(atoms) and _GAP.fullmatch(text, atoms[j - 1].end(), atoms[j].start()):
            j += 1
        group = atoms[i:j]
        if any(m.lastgroup != "cue" for m in group):
            out.extend(_Group(text, group, ref, stripped_length).expressions())
        i = j
    return out


def _atoms(text: str) -> list[re.Match[str]]:
    """``list(_ATOMS.finditer(text))``, trying _ATOMS only where an atom may start."""
    return _atoms_in(text, lowered(text))


def _atoms_in(
    text: str, lower: str | None, until: int | None = None, resume: int = 0
) -> list[re.Match[str]]:
    """``_atoms(text)``, given ``lower = lowered(text)``, up to the first group after ``until``.

    The atoms stop before the first that starts after ``until`` and does not join the
    group before it (the gap between them is not a _GAP).  From ``resume`` (0 or a
    place _resume_at gives), they are the atoms from the start that start there or after.
    """
    out: list[re.Match[str]] = []
    pos = resume
    match = _ATOMS.match
    # (Only the text from ``resume`` on is looked at: what stands before it, a space,
    # is read alike by both.)
    if lower is not None and _OTHER_DIGIT.search(text, resume) is None:
        search, scanned = _ATOM_START_LOWER.search, lower
    else:
        search, scanned = _ATOM_START.search, text
    # Past ``until`` only an atom at most a _GAP after the last can be kept: the search
    # for the next start need not read further than that place and one start's length
    # (a start found before it is found alike; one that runs past it is looked at no
    # further, as any after it).
    endpos = len(text)
    while True:
        if until is not None:
            bound = max(until, out[-1].end() + _GAP_REACH) if out else until
            endpos = bound + 1 + _START_REACH
        start = search(scanned, pos, endpos)
        if start is None:
            break
        at = start.start()
        m = match(text, at)
        if m is None:
            # Nor can an atom start inside what was found: there a letter or a digit
            # stands before, and every atom starting with a letter or a digit needs none.
            pos = start.end()
        else:
            if (
                until is not None
                and at > until
                and not (out and _GAP.fullmatch(text, out[-1].end(), at))
            ):
                break
            out.append(m)
            pos = m.end()
    return out


# The runs of letters an atom may hold, lower case: every run of letters in _ATOMS (with
# its group names and comments: more than needed is no harm), "ii" and "iii" (I{1,3}),
# and any run ending with "năm", which may follow a month name, a Roman quarter, "đến"
# or "tới" with no space between ("quý IVnăm 2018", "2019 đếnnăm 2020").
_ATOM_RUNS: Final = frozenset(
    {run.lower() for run in re.findall(r"[^\W\d_]+", _ATOMS.pattern)} | {"ii", "iii"}
)
_RUN_BEFORE: Final = re.compile(r"[^\W\d_]{1,20}$")
_RUN_REACH: Final = 20  # no run of _ATOM_RUNS is this long


def _resume_at(low: str, before: int) -> int:
    """A place at or before ``before`` that no atom, atom start or gap spans; 0 if none found.

    ``low`` is ``lowered(text)``.  The place is just after a space that ends a run of
    letters (one with no letter before or after it) that no atom may hold.  No atom
    holds that space: none starts with a space, and one holding it would hold the whole
    run before it (no atom starts after a letter).  Nor does an atom start (found by
    _ATOM_START, a run of digits or letters, or "("), nor a _GAP between two atoms
    (letters stand between them).  So _atoms_in, from there, finds the atoms it finds
    from the start that start there or after, and groups them alike.
    """
    end = before
    while (space := low.rfind(" ", 0, end)) > 0:
        run = _RUN_BEFORE.search(low, max(0, space - _RUN_REACH), space)
        if run is not None and run[0] not in _ATOM_RUNS and not run[0].endswith("năm"):
            return space + 1
        end = space
    return 0


def lowered(text: str) -> str | None:
    """``text.lower()`` if it lower-cases each character as re.IGNORECASE reads it, else None.

    Then lower-case words found in it stand where an IGNORECASE pattern of those words
    finds them in ``text``: lower() keeps every character in its place but "İ" (two
    characters), and re.IGNORECASE reads "İ", "ı" and "ſ" as "i", "i" and "s".
    """
    lower = text.lower()
    if len(lower) != len(text) or any(odd in text for odd in _LOWER_ODD):
        return None
    return lower


def _reference_day(reference: date | datetime | None) -> date | None:
    if isinstance(reference, datetime):
        return reference.date()
    return reference


def resolve_year(day: int, month: int, reference: date) -> date | None:
    """The date with this day and month nearest to ``reference`` (the year rolls back or on).

    >>> from datetime import date
    >>> resolve_year(30, 12, date(2024, 1, 2)), resolve_year(26, 2, date(2024, 2, 18))
    (datetime.date(2023, 12, 30), datetime.date(2024, 2, 26))
    """
    best: date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _date(str(year), str(month), str(day))
        if candidate is None:
            continue
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    if best is not None and abs(best - reference) > timedelta(days=200):
        # Far from the reference either way: the nearest year is a guess; prefer the past.
        past = _date(str(reference.year), str(month), str(day))
        if past is not None and past > reference:
            past = _date(str(reference.year - 1), str(month), str(day))
        return past or best
    return best


@attrs.define
class _Draft:
    """One expression being assembled from atoms."""

    start: int = -1
    end: int = -1
    day: int | None = None
    month: int | None = None
    year: int | None = None
    precision: str | None = None
    relative: date | None = None
    relative_precision: str = "day"
    part: str | None = None
    clock: tuple[int, int, int] | None = None
    clock_cued: bool = False
    ampm: str | None = None
    weekday: int | None = None
    day_cue: bool = False
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    in_range: bool = False
    listed: bool = False
    lunar: bool = False
    unknown_year: bool = False

    def extend(self, m: re.Match[str], *, in_span: bool = True) -> None:
        if in_span:
            if self.start < 0:
                self.start = m.start()
            self.end = m.end()

    @property
    def has_date(self) -> bool:
        return self.precision is not None or self.relative is not None


class _Group:
    """Atoms that stand together ("Chiều", "11/6/2018"), read into expressions."""

    def __init__(
        self,
        text: str,
        atoms: list[re.Match[str]],
        ref: date | None,
        stripped_length: int,
    ) -> None:
        self.text = text
        self.atoms = atoms
        self.ref = ref
        self.stripped_length = stripped_length  # len(text.strip())

    def expressions(self) -> list[DateExpression]:
        drafts = [_Draft()]
        pending_range = False
        previous_end = -1
        for m in self.atoms:
            draft = drafts[-1]
            kind = m.lastgroup
            gap = self.text[previous_end : m.start()] if previous_end >= 0 else ""
            previous_end = m.end()
            if draft.has_date and ("-" in gap or "–" in gap):
                pending_range = True  # "5/5 - 10/5/2017"
            if (kind == "time" and draft.clock) or (kind == "part" and draft.part):
                drafts.append(draft := _Draft())  # "lúc 8h, 14h", a second part of day
            if kind == "cue":
                pending_range |= self._cue(drafts, m)
                continue
            if kind in {"part", "weekday", "time"} and draft.has_date and not pending_range:
                if kind == "time" or (kind == "part" and draft.clock and not draft.part):
                    self._read(draft, m)  # "ngày 1/5 lúc 20h", "8 giờ sáng"
                    continue
                drafts.append(draft := _Draft())
            elif kind not in {"part", "weekday", "time"} and draft.has_date:
                if pending_range:
                    self._range_end(draft, m)
                    pending_range = False
                    continue
                if not (draft.relative is not None and kind in {"dm", "full", "textual"}):
                    drafts.append(draft := _Draft())
                else:  # "sáng nay (6/2)": the explicit date says the same day
                    draft.relative = None
            self._read(draft, m)
        return [e for d in drafts if (e := self._finish(d)) is not None]

    # -- reading atoms ---------------------------------------------------------------

    def _cue(self, drafts: list[_Draft], m: re.Match[str]) -> bool:
        """Read a cue word; true when it opens the end of a range ("đến", "tới")."""
        draft = drafts[-1]
        word = _key(m[0])
        if draft.has_date and word in _RANGE_CUES:
            return True
        if draft.has_date and word in _LIST_CUES:
            drafts.append(_Draft(listed=True))
            return False
        if draft.has_date and word not in {"lúc", "khoảng"}:
            drafts.append(draft := _Draft())  # "nhiệm kỳ 2021-2026 vào ngày 23/5"
        draft.day_cue |= word in _DAY_CUES
        draft.clock_cued |= word in _TIME_CUES
        draft.extend(m, in_span=word in _SPAN_CUES)
        return False

    def _read(self, draft: _Draft, m: re.Match[str]) -> None:
        kind = m.lastgroup
        if kind == "part":
            if _NOT_PART_BEFORE.search(self.text, max(0, m.start() - 8), m.start()):
                return
            draft.part = _PARTS[_folded(m[0])]
            draft.day_cue = True
        elif kind == "weekday":
            draft.weekday = _WEEKDAYS.get(_folded(m[0]))
        elif kind == "time":
            self._read_time(draft, m)
            return
        elif kind == "full":
            self._set(draft, m["fd"], m["fm"], m["fy"])
        elif kind == "textual":
            self._set(draft, m["td"], _month(m["tm"]), m["ty"])
            draft.lunar = _key(m["tm"]) in _LUNAR_MONTHS
        elif kind == "monthfirst":
            self._set(draft, m["mfd"], _month(m["mfm"]), m["mfy"])
        elif kind == "dm":
            self._set(draft, m["dd"], m["dmo"], None)
        elif kind == "drange":
            self._set(draft, m["rd1"], m["rm"], m["ry"])
            draft.end_day, draft.end_month = int(m["rd2"]), int(m["rm"])
            draft.end_year = draft.year
            draft.in_range = True
        else:
            self._read_wider(draft, m)
        draft.extend(m)

    def _read_wider(self, draft: _Draft, m: re.Match[str]) -> None:
        kind = m.lastgroup
        if kind == "month":
            month = _month(m["mm"])
            if month is None:
                return
            draft.month, draft.year = month, _int(m["my"]) or self._said_year(m["myw"], draft)
            draft.precision = "month"
            draft.lunar = _key(m["mm"]) in _LUNAR_MONTHS
        elif kind == "quarter":
            q = m["q"].translate(_AS_MATCHED).upper()
            quarter = _ROMAN_QUARTERS.get(q) or int(q)
            draft.month, draft.precision = 3 * quarter - 2, "quarter"
            draft.year = _int(m["qy"]) or self._said_year(m["qyw"], draft)
        elif kind == "yrange":
            draft.year, draft.end_year, draft.precision = int(m["y1"]), int(m["y2"]), "year"
            draft.in_range = True
        elif kind == "year":
            draft.year, draft.precision = int(m["yy"]), "year"
        elif kind == "yearrel" and self.ref is not None:
            shift = _YEAR_WORDS[_key(m["yw"])]
            draft.relative = self.ref + relativedelta(years=shift, month=1, day=1)
            draft.relative_precision = "year"
        elif kind == "rel":
            if m["rp"] is not None:
                if _NOT_PART_BEFORE.search(self.text, max(0, m.start() - 8), m.start()):
                    return
                draft.part = _PARTS[_folded(m["rp"])]
            days = self._relative_days(m)
            if days is None:
                return  # "sáng kia": "kia" alone names no day
            if self.ref is not None:
                draft.relative = self.ref + relativedelta(days=days)
            draft.day_cue = True
            draft.precision = draft.precision if self.ref is not None else "pending"
        elif kind in {"ago", "after"}:
            self._read_ago(draft, m)

    @staticmethod
    def _relative_days(m: re.Match[str]) -> int | None:
        """The days a relative atom counts from the reference, None if it names no day."""
        if m["rp"] is None:
            return _RELATIVE[_folded(m["rw2"])]
        # "hôm" between the part of day and the word counts: "sáng hôm kia" is "hôm kia".
        told = _RELATIVE.get(_folded(m[0][m.end("rp") - m.start() :]))
        return told if told is not None else _RELATIVE.get(_folded(m["rw"]))

    def _said_year(self, word: str | None, draft: _Draft) -> int | None:
        """The year of "năm nay", "năm ngoái", "năm tới"; "năm đó" names none we can know."""
        if word is None:
            return None
        shift = _YEAR_WORDS.get(_key(word))
        if shift is None or self.ref is None:
            draft.unknown_year = True
            return None
        return self.ref.year + shift

    def _read_ago(self, draft: _Draft, m: re.Match[str]) -> None:
        if self.ref is None:
            draft.precision = "pending"
            return
        number = int(m["an"] or m["fn"])
        unit = _key(m["au"] or m["fu"])
        sign = -1 if m["adir"] is not None and _key(m["adir"]) == "trước" else 1
        step = {
            "ngày": relativedelta(days=number),
            "tuần": relativedelta(weeks=number),
            "tháng": relativedelta(months=number),
            "năm": relativedelta(years=number),
        }[unit]
        draft.relative = self.ref + step if sign > 0 else self.ref - step
        draft.relative_precision = {"tháng": "month", "năm": "year"}.get(unit, "day")
        draft.day_cue = True

    def _read_time(self, draft: _Draft, m: re.Match[str]) -> None:
        hour = int(m["th"])
        minute = int(m["tmin"] or m["tgmin"] or m["tmin2"] or 0)
        second = int(m["tsec"] or 0)
        if hour > 23 or minute > 59 or second > 59:  # noqa: PLR2004
            return
        bare = m["tsep"] is None and m["tgmin"] is None and m["tmin2"] is None
        colon = m["tsep"] == ":"
        if colon and m["tmin"] is None:
            return
        draft.clock = (hour, minute, second)
        draft.ampm = m["ampm"]
        # "14h", "8 giờ" alone may be a length of time ("trong 2 giờ"): only a cue,
        # a part of day or a date makes them a clock time.
        draft.clock_cued |= not bare and (colon or m["tmin"] is not None or m["tmin2"] is not None)
        draft.clock_cued |= m["tgmin"] is not None or m["ampm"] is not None
        draft.extend(m)

    def _set(self, draft: _Draft, day: str, month: str | int | None, year: str | None) -> None:
        if month is None:
            return
        draft.day, draft.month, draft.year = int(day), int(month), _int(year)
        draft.precision = "day"

    def _range_end(self, draft: _Draft, m: re.Match[str]) -> None:
        end = _Draft()
        self._read(end, m)
        if end.precision is None:
            return
        draft.end_day, draft.end_month, draft.end_year = end.day, end.month, end.year
        draft.in_range = True
        draft.extend(m)

    # -- finishing -------------------------------------------------------------------

    def _finish(self, d: _Draft) -> DateExpression | None:
        if d.start < 0:
            return None
        clock = self._clock(d)
        lunar = d.lunar or _LUNAR_AFTER.match(self.text, d.end) is not None
        if d.relative is not None:
            return DateExpression(
                d.start, d.end, None if lunar else d.relative, d.relative_precision,
                year_known=True, part_of_day=d.part, time=clock, relative=True,
            )  # fmt: skip
        if d.precision in {None, "pending"}:
            return self._clock_only(d, clock)
        cued = d.year or d.day_cue or d.weekday or d.in_range or d.listed
        if d.precision == "day" and not (cued or (clock and d.clock_cued)):
            return None  # "24/7", "2/3 tổng số": a bare day/month needs a cue
        return self._dated(d, clock, lunar)

    def _dated(self, d: _Draft, clock: _time | None, lunar: bool) -> DateExpression | None:
        year = d.year
        if year is None and d.end_year is not None:
            same_year = d.end_month is None or d.month is None or d.month <= d.end_month
            year = d.end_year if same_year else d.end_year - 1
        known = year is not None
        first = self._day(d.day or 1, d.month or 1, year, unknown=d.unknown_year)
        if first is None and known:
            return None  # "31/02/2020" is no date
        last = None
        if (d.in_range and d.end_year is not None) or d.end_day is not None:
            end_year = d.end_year if d.end_year is not None else (first.year if first else None)
            last = self._day(d.end_day or 1, d.end_month or 1, end_year) if end_year else None
        if lunar:
            first = last = None
        weekday = d.weekday if d.precision == "day" else None
        return DateExpression(
            d.start, d.end, first, d.precision or "day", year_known=known,
            part_of_day=d.part if d.precision == "day" else None,
            time=clock if d.precision == "day" else None,
            range_end=last, weekday=weekday, lunar=lunar,
        )  # fmt: skip

    def _day(self, day: int, month: int, year: int | None, *, unknown: bool = False) -> date | None:
        if year is not None:
            return _date(str(year), str(month), str(day))
        if self.ref is None or unknown:
            return None
        return resolve_year(day, month, self.ref)

    def _clock_only(self, d: _Draft, clock: _time | None) -> DateExpression | None:
        if d.weekday is not None and (d.day_cue or self._whole(d)):
            day = _last_weekday(d.weekday, self.ref) if self.ref else None
            return DateExpression(
                d.start, d.end, day, "day", year_known=self.ref is not None,
                part_of_day=d.part, time=clock, weekday=d.weekday, relative=True,
            )  # fmt: skip
        if clock is not None and (d.clock_cued or d.part):
            return DateExpression(d.start, d.end, None, "time", part_of_day=d.part, time=clock)
        return None

    def _whole(self, d: _Draft) -> bool:
        """The expression is the whole text, as in a table cell: "Thứ năm"."""
        return self.stripped_length - (d.end - d.start) <= _WHOLE_TEXT_SLACK

    def _clock(self, d: _Draft) -> _time | None:
        if d.clock is None:
            return None
        hour, minute, second = d.clock
        ampm = (d.ampm or "").upper()
        if (ampm in {"PM", "CH"} and hour < 12) or (d.part in {"chiều", "tối"} and hour < 12):  # noqa: PLR2004
            hour += 12
        elif (ampm in {"AM", "SA"} and hour == 12) or (d.part == "đêm" and hour == 12):  # noqa: PLR2004
            hour = 0
        elif (d.part == "đêm" and 6 <= hour < 12) or (d.part == "trưa" and hour < 5):  # noqa: PLR2004
            hour += 12
        return _time(hour, minute, second)


def _month(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None  # noqa: PLR2004
    key = _folded(word)
    if key == "năm" and not word.startswith("N"):
        return None  # "năm" is "year"; only "Năm" is May
    return _MONTH_NAMES.get(key)


def _key(word: str) -> str:
    """A word as a key for the literal sets here: lower case, single spaces."""
    return " ".join(word.translate(_AS_MATCHED).lower().split())


def _folded(word: str) -> str:
    """A matched word as a key for the folded tables (``_PARTS``, ``_RELATIVE``...)."""
    return fold(word.translate(_AS_MATCHED))


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


def _last_weekday(weekday: int, ref: date) -> date:
    """The latest day on or before ``ref`` that falls on ``weekday`` (ISO)."""
    return ref - timedelta(days=(ref.isoweekday() - weekday) % 7)
