"""The immutable value types of an article.

Every type is a frozen, slotted attrs class: values compare and hash by
content, collections are tuples, and validators refuse values that cannot
describe a real article (naive datetimes, empty names, multi-line
paragraphs).  Nothing here knows how text is parsed or written; that is the
job of ``_parse`` and ``_serialize``.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from itertools import repeat
from typing import Any

import attrs

from ._docnumber import DocumentNumber

__all__ = [
    "Article",
    "Document",
    "Event",
    "Mention",
    "ParseWarning",
    "Person",
    "Position",
]

#: The fields of an Article that hold running text, in reading order.
TEXT_BLOCKS = ("title", "lead", "paragraphs", "captions")


# --- validators ---------------------------------------------------------------
#
# Each validator first decides the common case, a value of the exact type that is
# plainly valid, in a few calls to C; anything else takes the full check, which
# builds the error.  Both accept the same values (tests/test_roundtrip.py).


_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _is_line(value: object) -> bool:
    """A plainly valid line: a str of printable characters, no outer space, NFC.

    Every line break is unprintable, and the plain space is the only printable
    white space, so this is :func:`_line`'s check less the rarer cases.
    """
    return (
        type(value) is str
        and value.isprintable()
        and value != ""
        and value[0] != " "
        and value[-1] != " "
        and unicodedata.is_normalized("NFC", value)
    )


def _line(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A single line of NFC text: non-empty, no line break, no outer white space."""
    if not _is_line(value):
        _check_line(attribute, value)


def _check_line(attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str):
        msg = f"{attribute.name} must be a str, not {type(value).__name__}"
        raise TypeError(msg)
    if not value or value != value.strip():
        msg = f"{attribute.name} must be non-empty with no leading or trailing space: {value!r}"
        raise ValueError(msg)
    if _LINE_BREAK.search(value):
        msg = f"{attribute.name} must be a single line: {value!r}"
        raise ValueError(msg)
    if not unicodedata.is_normalized("NFC", value):
        msg = f"{attribute.name} must be in Unicode NFC form: {value!r}"
        raise ValueError(msg)


def _optional_line(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _is_line(value):
        _check_line(attribute, value)


def _lines(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if type(value) is tuple and all(map(_is_line, value)):
        return
    if not isinstance(value, tuple):
        msg = f"{attribute.name} must be a tuple, not {type(value).__name__}"
        raise TypeError(msg)
    for item in value:
        _check_line(attribute, item)


def _tuple_of(kind: type) -> Callable[[object, attrs.Attribute[Any], tuple[Any, ...]], None]:
    """A tuple of ``kind``: attrs' deep_iterable check, after a fast check that passes most."""
    check = attrs.validators.deep_iterable(
        member_validator=attrs.validators.instance_of(kind),
        iterable_validator=attrs.validators.instance_of(tuple),
    )

    def validate(inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if type(value) is tuple and all(map(isinstance, value, repeat(kind))):
            return
        check(inst, attribute, value)

    return validate


def _published(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            msg = f"{attribute.name} must be an aware datetime (with a UTC offset): {value!r}"
            raise ValueError(msg)
        return
    if isinstance(value, date):
        return
    msg = f"{attribute.name} must be a datetime, a date or None, not {type(value).__name__}"
    raise TypeError(msg)


def _count(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    """A whole number, zero or more (a bool is not a number here, unlike in Python)."""
    if type(value) is not int or value < 0:
        _check_count(attribute, value)


def _check_count(attribute: attrs.Attribute[Any], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"{attribute.name} must be an int, not {type(value).__name__}"
        raise TypeError(msg)
    if value < 0:
        msg = f"{attribute.name} must not be negative: {value}"
        raise ValueError(msg)


def _optional_count(_inst: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (type(value) is not int or value < 0):
        _check_count(attribute, value)


def _pairs(
    _inst: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]
) -> None:
    """(key, value) pairs: a key is a line, a value a line or empty."""
    if not isinstance(value, tuple):
        msg = f"{attribute.name} must be a tuple, not {type(value).__name__}"
        raise TypeError(msg)
    for pair in value:
        if not isinstance(pair, tuple) or len(pair) != 2:  # noqa: PLR2004
            msg = f"{attribute.name} must hold (key, value) pairs: {pair!r}"
            raise ValueError(msg)
        _line(_inst, attribute, pair[0])
        if pair[1] != "":
            _line(_inst, attribute, pair[1])


_OPT_DATE = attrs.validators.optional(attrs.validators.instance_of(date))


def _plain_date(_inst: object, attribute: attrs.Attribute[Any], value: date | None) -> None:
    if value is None or type(value) is date:
        return
    _OPT_DATE(_inst, attribute, value)
    if isinstance(value, datetime):
        msg = f"{attribute.name} must be a date, not a datetime: {value!r}"
        raise TypeError(msg)


# --- small value types --------------------------------------------------------


@attrs.frozen
class Mention:
    """Where something is named: the text block, its index, and a character span.

    ``block`` is one of ``"title"``, ``"lead"``, ``"paragraphs"``, ``"captions"``;
    ``index`` counts within tuple blocks (0 for title and lead); ``start`` and
    ``end`` are offsets into that block's string.
    """

    block: str = attrs.field(validator=attrs.validators.in_(TEXT_BLOCKS))
    index: int = attrs.field(validator=_count)
    start: int = attrs.field(validator=_count)
    end: int = attrs.field(validator=_count)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            msg = f"Mention end {self.end} is before start {self.start}"
            raise ValueError(msg)


@attrs.frozen
class ParseWarning:
    """Something the parser noticed and did not silently accept.

    ``code`` is a stable machine-readable tag (for example ``"weekday-mismatch"``),
    ``message`` a sentence for people, ``line`` the 1-based input line, if known.
    """

    code: str = attrs.field(validator=_line)
    message: str = attrs.field(validator=_line)
    line: int | None = attrs.field(default=None, validator=_optional_count)


@attrs.frozen
class Position:
    """An office a person holds or held, as written, e.g. "Bộ trưởng Bộ Công an".

    ``role`` ("Bộ trưởng") and ``organisation`` ("Bộ Công an") split the title
    where the grammar allows; ``former`` is true for "nguyên …" titles.
    """

    title: str = attrs.field(validator=_line)
    role: str | None = attrs.field(default=None, validator=_optional_line)
    organisation: str | None = attrs.field(default=None, validator=_optional_line)
    former: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))


@attrs.frozen
class Person:
    """A real person named in the article, under the fullest form of the name.

    ``family``, ``middle`` and ``given`` are the name's parts in Vietnamese
    order where they are known; ``mentions`` lists every place the person is
    named, short mentions ("ông Lâm") included.
    """

    name: str = attrs.field(validator=_line)
    honorific: str | None = attrs.field(default=None, validator=_optional_line)
    rank: str | None = attrs.field(default=None, validator=_optional_line)
    positions: tuple[Position, ...] = attrs.field(default=(), validator=_tuple_of(Position))
    family: str | None = attrs.field(default=None, validator=_optional_line)
    middle: str | None = attrs.field(default=None, validator=_optional_line)
    given: str | None = attrs.field(default=None, validator=_optional_line)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))


@attrs.frozen
class Document:
    """An official document the article cites, once per distinct document.

    ``kind`` is the type as written ("Nghị quyết"), ``number`` the identifier
    exactly as written without "số" ("25-NQ/TW"), or None for named laws and
    plenum resolutions; ``term`` is the Party or National Assembly term
    ("khóa XI" gives 11); ``provisions`` the articles and clauses cited
    ("Điều 174", "khoản 1").
    """

    kind: str = attrs.field(validator=_line)
    number: str | None = attrs.field(default=None, validator=_optional_line)
    issued: date | None = attrs.field(default=None, validator=_plain_date)
    issuer: str | None = attrs.field(default=None, validator=_optional_line)
    subject: str | None = attrs.field(default=None, validator=_optional_line)
    term: int | None = attrs.field(default=None, validator=_optional_count)
    provisions: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    as_written: str | None = attrs.field(default=None, validator=_optional_line)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))

    @property
    def parsed_number(self) -> DocumentNumber | None:
        """``number`` parsed into its parts; None without a number or for a short one ("19").

        >>> Document("Nghị định", "30/2020/NĐ-CP").parsed_number.issuers
        ('CP',)
        """
        if self.number is None:
            return None
        try:
            return DocumentNumber.parse(self.number)
        except ValueError:
            return None


@attrs.frozen
class Event:
    """A dated happening: a meeting, a trial, an arrest, a visit.

    ``part_of_day`` is the word as written ("chiều"); ``location`` the place as
    written after "tại"; ``participants`` and ``chairs`` hold the names of the
    article's people.
    """

    kind: str | None = attrs.field(default=None, validator=_optional_line)
    date: _dt.date | None = attrs.field(default=None, validator=_plain_date)
    part_of_day: str | None = attrs.field(default=None, validator=_optional_line)
    time: _dt.time | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(_dt.time))
    )
    location: str | None = attrs.field(default=None, validator=_optional_line)
    province: str | None = attrs.field(default=None, validator=_optional_line)
    chairs: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    participants: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    mentions: tuple[Mention, ...] = attrs.field(default=(), validator=_tuple_of(Mention))


# --- the article --------------------------------------------------------------


@attrs.frozen
class Article:
    """One news article: its layout fields and what was extracted from them.

    ``published`` is an aware datetime when the text gives a time, a plain
    date when it gives only a date, else None.  ``credits`` keeps attributions
    that are neither the source nor an author ("Theo AFP", "(Tổng hợp)");
    ``extra`` keeps header fields with no field of their own, as
    ``(key, value)`` pairs.  ``warnings`` records what the parser did not
    silently accept, such as a weekday that disagrees with the date.
    """

    title: str | None = attrs.field(default=None, validator=_optional_line)
    published: datetime | date | None = attrs.field(default=None, validator=_published)
    lead: str | None = attrs.field(default=None, validator=_optional_line)
    paragraphs: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    captions: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    source: str | None = attrs.field(default=None, validator=_optional_line)
    authors: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    credits: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    url: str | None = attrs.field(default=None, validator=_optional_line)
    tags: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    extra: tuple[tuple[str, str], ...] = attrs.field(default=(), validator=_pairs)
    people: tuple[Person, ...] = attrs.field(default=(), validator=_tuple_of(Person))
    documents: tuple[Document, ...] = attrs.field(default=(), validator=_tuple_of(Document))
    events: tuple[Event, ...] = attrs.field(default=(), validator=_tuple_of(Event))
    warnings: tuple[ParseWarning, ...] = attrs.field(default=(), validator=_tuple_of(ParseWarning))

    @property
    def body(self) -> str:
        """The lead and paragraphs joined by blank lines: the article's running text."""
        return "\n\n".join(p for p in (self.lead, *self.paragraphs) if p)
