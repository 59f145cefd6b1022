"""Vietnamese document numbers ("số ký hiệu"): a tokenizer, a parser and a value type.

Two grammars are in use (../shared/reference/DOMAIN.md §2):

* **State**, slash first: ``30/2020/NĐ-CP``, ``749/QĐ-TTg``, ``80/2015/QH13``,
  ``02/2016/TTLT-BCA-BQP-BGTVT``, and letters without a type code, ``1670/BCA-V28``;
* **Party**, hyphen first: ``25-NQ/TW``, ``22-CTr/ĐUCA-V28``, ``08-QĐi/TW``.

The tokenizer cuts a number into a sequence ("25", "05", "30a") and segments
joined by separators; the parser gives the segments their roles (year, type
code, issuers, drafting unit); :class:`DocumentNumber` holds the result and
prints back the text exactly as written.  Type and issuer codes are resolved
through the package's data tables.
"""

from __future__ import annotations

import re
from typing import Final, Literal, NamedTuple

import attrs

from ._data import rows
from ._errors import ParseError

__all__ = ["DocumentNumber", "InvalidDocumentNumber"]


class InvalidDocumentNumber(ParseError):  # noqa: N818 - named like packaging's InvalidVersion
    """Text that is not a document number; ``column`` (1-based) points at the problem."""

    __module__ = "vnnews"


# --- tokens ---------------------------------------------------------------------------

#: The sequence number: up to five digits, with a letter suffix in a few numbers (30a, 36a).
_SEQUENCE: Final = re.compile(r"\d{1,5}[a-zđ]?(?![^\W_])")
#: A separator: "/" or "-" (an en dash in some scraped text), with one space either side at most.
_SEPARATOR: Final = re.compile(r" ?[/\-–] ?")
#: A segment: letters and digits, "&" inside ("BGD&ĐT"); bounded so that a segment is a code.
_SEGMENT: Final = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_HAS_LETTER: Final = re.compile(r"[^\W\d_]")
#: Issuers whose digits are a term, not part of the name: QH13, UBTVQH14, HĐNN8.
_TERMED: Final = re.compile(r"(QH|UBTVQH|HĐNN)(\d{1,2})", re.IGNORECASE)


class _Token(NamedTuple):
    separator: str  # what precedes the segment, as written ("" for the sequence)
    text: str
    start: int  # offset of the segment in the number


def _error(text: str, message: str, pos: int) -> InvalidDocumentNumber:
    shown = text if len(text) <= 60 else text[:57] + "..."  # noqa: PLR2004
    return InvalidDocumentNumber(f"{message} in document number {shown!r}", line=1, column=pos + 1)


def _tokenize(text: str) -> tuple[str, list[_Token]]:
    """The sequence, then the segments: ``number := SEQUENCE (SEPARATOR SEGMENT)+``."""
    if not text:
        raise InvalidDocumentNumber("expected a document number, got an empty string")
    head = _SEQUENCE.match(text)
    if head is None:
        raise _error(text, "expected the sequence number (digits) at the start", 0)
    pos, tokens = head.end(), []
    while pos < len(text):
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            raise _error(text, f"expected '/' or '-', got {text[pos]!r}", pos)
        segment = _SEGMENT.match(text, sep.end())
        if segment is None:
            raise _error(text, f"expected a code after {sep.group().strip()!r}", sep.end())
        tokens.append(_Token(sep.group(), segment.group(), segment.start()))
        pos = segment.end()
    if not tokens:
        raise _error(text, "expected '/' or '-' after the sequence number", pos)
    return head.group(), tokens


# --- code tables ----------------------------------------------------------------------


def _code_key(code: str) -> str:
    return code.casefold()


def _without_stroke(code: str) -> str:
    """For diacritic-less input only ("ND-CP", "QD-TTg"): Đ read as D."""
    return code.casefold().replace("đ", "d")


def _types() -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for system, code, name, *_ in rows("document_types.tsv"):
        key = (system, _code_key(code))
        if name not in out.get(key, ()):
            out[key] = (*out.get(key, ()), name)
    return out


_TYPE_NAMES: Final = _types()
# First wins: the only clash, ĐA/DA, is always found by the exact look-up first.
_TYPES_WITHOUT_STROKE: Final = {
    (system, _without_stroke(code)): names
    for (system, code), names in reversed(_TYPE_NAMES.items())
}
_ISSUER_NAMES: Final = {
    _code_key(code): name for code, _system, name, *_ in rows("issuer_codes.tsv")
}
_ISSUERS_WITHOUT_STROKE: Final = {
    _without_stroke(code): name for code, name in _ISSUER_NAMES.items()
}
_ROMAN: Final = {int(number): roman for roman, number in rows("terms.tsv")}
_LONGEST_TYPE: Final = max(len(code) for _system, code in _TYPE_NAMES)
#: Joint documents: every code after the type is an issuer (TTLT-BCA-BQP-BGTVT).
_JOINT_TYPES: Final = frozenset({"ttlt", "nqlt"})


def _type_names(system: str, code: str) -> tuple[str, ...]:
    """Every reading of a type code: in its own system first, then the other's."""
    other = "party" if system == "state" else "state"
    for sys in (system, other):
        names = _TYPE_NAMES.get((sys, _code_key(code)))
        if names:
            return names
    for sys in (system, other):
        names = _TYPES_WITHOUT_STROKE.get((sys, _without_stroke(code)))
        if names:
            return names
    return ()


def _issuer_name(code: str) -> str | None:
    if m := _TERMED.fullmatch(code):
        body = _ISSUER_NAMES[_code_key(m[1])]
        term = int(m[2])
        return f"{body} khóa {_ROMAN[term]}" if term in _ROMAN else body
    key = _code_key(code)
    return _ISSUER_NAMES.get(key) or _ISSUERS_WITHOUT_STROKE.get(_without_stroke(code))


def _is_type(code: str) -> bool:
    """A type code of either system (State numbers also carry Party codes such as CV)."""
    return bool(_type_names("state", code))


def _is_issuer(code: str) -> bool:
    return _issuer_name(code) is not None


def _split_glued(code: str) -> tuple[str, str] | None:
    """A type code written against a known issuer code: "NĐCP" gives ("NĐ", "CP")."""
    if _is_type(code) or _is_issuer(code):
        return None
    for cut in range(min(len(code) - 1, _LONGEST_TYPE), 0, -1):
        head, tail = code[:cut], code[cut:]
        if _is_type(head) and _is_issuer(tail):
            return head, tail
    return None


# --- parser ---------------------------------------------------------------------------


class _Parts(NamedTuple):
    sequence: str
    year: int | None
    type_code: str | None
    issuers: tuple[str, ...]
    unit: str | None
    system: Literal["state", "party"]


def _parse(text: str) -> _Parts:
    """Give the tokens their roles; see the module docstring for the two grammars."""
    sequence, tokens = _tokenize(text)
    if not any(_HAS_LETTER.search(t.text) for t in tokens):
        raise _error(text, "expected a letter code such as NĐ-CP or NQ/TW", tokens[0].start)
    year: int | None = None
    if len(tokens) > 1 and _YEAR.fullmatch(tokens[0].text):
        year, tokens = int(tokens[0].text), tokens[1:]
    elif len(tokens) > 1 and _YEAR.fullmatch(tokens[-1].text):
        year, tokens = int(tokens[-1].text), tokens[:-1]  # 92/CP/2015: the year written last
    for token in tokens:
        if not _HAS_LETTER.search(token.text):
            raise _error(text, f"expected a letter code, got {token.text!r}", token.start)
    slashes = [i for i, t in enumerate(tokens) if t.separator.strip() == "/"]
    if year is None and tokens[0].separator.strip() != "/" and slashes == [1]:
        return _party(sequence, tokens)
    return _state(sequence, year, [t.text for t in tokens])


def _party(sequence: str, tokens: list[_Token]) -> _Parts:
    """Party grammar: ``SEQUENCE "-" TYPE "/" ISSUER { "-" UNIT }``."""
    codes = [t.text for t in tokens]
    unit = "-".join(codes[2:]) or None
    return _Parts(sequence, None, codes[0], (codes[1],), unit, "party")


def _state(sequence: str, year: int | None, codes: list[str]) -> _Parts:
    """State grammar: ``SEQUENCE "/" [YEAR "/"] [TYPE "-"] ISSUER {"-" ISSUER | "-" UNIT}``.

    A first code that is a known type code is the type, unless it stands alone
    and is also an issuer code; joint types (TTLT, NQLT) list several issuers,
    any other document has one issuer and a drafting unit after it.
    """
    glued = _split_glued(codes[0])
    if glued is not None:
        codes = [*glued, *codes[1:]]
    type_code: str | None = None
    if _is_type(codes[0]) and (len(codes) > 1 or not _is_issuer(codes[0])):
        type_code, codes = codes[0], codes[1:]
    if type_code is not None and _code_key(type_code) in _JOINT_TYPES:
        return _Parts(sequence, year, type_code, tuple(codes), None, "state")
    unit = "-".join(codes[1:]) or None
    return _Parts(sequence, year, type_code, tuple(codes[:1]), unit, "state")


# --- the value type -------------------------------------------------------------------


def _render(parts: _Parts) -> str:
    """The canonical spelling of a number's parts."""
    codes = [c for c in (parts.type_code, *parts.issuers, parts.unit) if c]
    if parts.system == "party":
        head = f"{parts.sequence}-{parts.type_code}/"
        return head + "-".join(codes[1:])
    year = f"{parts.year}/" if parts.year is not None else ""
    return f"{parts.sequence}/{year}" + "-".join(codes)


def _canonical(number: DocumentNumber) -> str:
    return _render(number.parts())


@attrs.frozen(repr=False)
class DocumentNumber:
    """A document's number and symbol, parsed into its parts.

    >>> n = DocumentNumber.parse("02/2016/TTLT-BCA-BQP-BGTVT")
    >>> n.sequence, n.year, n.type_code, n.issuers, n.system
    ('02', 2016, 'TTLT', ('BCA', 'BQP', 'BGTVT'), 'state')
    >>> n.type_name, n.issuer_names[0]
    ('Thông tư liên tịch', 'Bộ Công an')
    >>> p = DocumentNumber.parse("22-CTr/ĐUCA-V28")
    >>> p.system, p.type_name, p.issuers, p.unit
    ('party', 'Chương trình', ('ĐUCA',), 'V28')
    >>> DocumentNumber.parse("80/2015/QH13").term
    13
    >>> str(DocumentNumber.parse("25 - NQ/TW"))
    '25 - NQ/TW'

    ``str()`` gives the number exactly as written; ``written`` defaults to the
    canonical spelling of the parts and does not take part in equality, so
    ``25-NQ/TW`` and ``25 - NQ/TW`` are equal values printed differently.
    Codes keep their spelling ("NĐ", "TTg", "Ctr"); ``sequence`` keeps its
    leading zero ("05").  Party numbers have no year: the year is in the date.
    """

    sequence: str
    year: int | None = None
    type_code: str | None = None
    issuers: tuple[str, ...] = ()
    unit: str | None = None
    system: Literal["state", "party"] = "state"
    written: str = attrs.field(
        default=attrs.Factory(_canonical, takes_self=True), eq=False, order=False
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.written, str):
            msg = f"written must be a str, not {type(self.written).__name__}"
            raise TypeError(msg)
        if _parse(self.written) != self.parts():
            msg = f"the parts do not make the number {self.written!r}: {self.parts()!r}"
            raise ValueError(msg)

    @classmethod
    def parse(cls, text: str, /) -> DocumentNumber:
        """Read one whole document number, as written; raise :class:`InvalidDocumentNumber`.

        >>> DocumentNumber.parse("11/6/2018")
        Traceback (most recent call last):
        ...
        vnnews.InvalidDocumentNumber: expected a letter code such as NĐ-CP or NQ/TW in document number '11/6/2018' (line 1, column 4)
        """  # noqa: E501
        if not isinstance(text, str):
            msg = f"DocumentNumber.parse takes a str, not {type(text).__name__}"
            raise TypeError(msg)
        parts = _parse(text)
        return cls(
            parts.sequence,
            parts.year,
            parts.type_code,
            parts.issuers,
            parts.unit,
            parts.system,
            written=text,
        )

    def parts(self) -> _Parts:
        """The parts as a tuple, in field order (without ``written``)."""
        return _Parts(
            self.sequence, self.year, self.type_code, self.issuers, self.unit, self.system
        )

    def __str__(self) -> str:
        return self.written

    def __repr__(self) -> str:
        return f"<DocumentNumber({self.written!r})>"

    @property
    def canonical(self) -> str:
        """The parts spelt the usual way: ``25 - NQ/TW`` gives ``25-NQ/TW``."""
        return _render(self.parts())

    @property
    def type_names(self) -> tuple[str, ...]:
        """Every document type the type code can stand for, most likely first.

        Party ``QĐ`` is both a Quyết định and (more often) a Quy định; the word
        written before the number decides.
        """
        return _type_names(self.system, self.type_code) if self.type_code else ()

    @property
    def type_name(self) -> str | None:
        """The document type the code stands for, when it stands for only one."""
        names = self.type_names
        return names[0] if len(names) == 1 else None

    @property
    def issuer_names(self) -> tuple[str | None, ...]:
        """The issuers' names, one per code; None for a code the tables do not know."""
        return tuple(_issuer_name(code) for code in self.issuers)

    @property
    def term(self) -> int | None:
        """The National Assembly term in ``QH13``/``UBTVQH14``-style issuer codes."""
        for code in self.issuers:
            if m := _TERMED.fullmatch(code):
                return int(m[2])
        return None
