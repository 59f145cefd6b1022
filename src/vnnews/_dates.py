"""Vietnamese date expressions.  For now: publication datelines.

A dateline is a whole line such as ``Thứ Ba, 12/06/2018, 08:55 [GMT+7]``,
``Thứ tư, 7/2/2024, 23:41 (GMT+7)``, ``14/01/2026 16:13 GMT+7``,
``12/06/2018 - 08:55``, ``2018-06-12T08:55:00+07:00`` or ``20200918``.
Dates are always day-month-year.  A time without an offset is Vietnam time
(+07:00); ``GMT+7`` means UTC+07:00 (not the POSIX reading, UTC−7).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Final

import attrs

from ._data import rows
from ._normalize import fold

__all__ = ["VIETNAM", "DateSpan", "Dateline", "find_dates", "format_dateline", "parse_dateline"]

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
