"""Cited documents: laws, resolutions, decrees, programmes… with number, date and issuer.

A citation starts with a type word as written ("Nghị quyết", "Thông tư liên
tịch", "Chương trình hành động") and goes on in one of these ways:

* a number, with or without "số": ``Nghị quyết số 25-NQ/TW``, ``Nghị định 19``,
  ``Thông tư 15/2015``; a list may follow (``số 191/QĐ-UBND; 192/QĐ-UBND``);
* a few words, then "số" and a full number: ``Luật Đất đai số 45/2013/QH13``,
  ``Công điện khẩn số 578/CĐ-BYT``;
* a name, for laws and codes: ``Luật Công an nhân dân``, ``Bộ luật Hình sự``;
* a plenum: ``Nghị quyết Trung ương 4, 6 khóa XII``.

After the number come, in the order official style prescribes and news
follows, the date ("ngày 03/6/2013"), the issuer ("của Ban Chấp hành Trung ương
Đảng khóa XI") and the subject ("về …").  A date is the issue date only where
the text says so: right after the number or issuer, after "ban hành"/"ký",
or before "… đã ký ban hành" in the same sentence; "có hiệu lực ngày …" is not
an issue date.  A short number ("Nghị quyết số 25") is the same document as a
full one of the same type and sequence ("25-NQ/TW") cited in the article.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from datetime import date
from typing import Final

import attrs

from ._blocks import TextBlock  # noqa: TC001 - mypyc reads annotations at run time
from ._data import rows
from ._dates import DateSpan, find_dates
from ._docnumber import DocumentNumber, InvalidDocumentNumber
from ._model import TEXT_BLOCKS, Document, Mention
from ._normalize import fold

__all__ = ["extract_documents"]

_KIND_CLASS: Final = {fold(kind): cls for kind, cls in rows("document_kinds.tsv")}
# fold() is slow: kinds, names and numbers as written repeat, so their keys are kept.
_folded: Final = functools.lru_cache(maxsize=1024)(fold)
_RESOLUTION: Final = fold("Nghị quyết")
_CONSTITUTION: Final = fold("Hiến pháp")
_ROMAN: Final = {roman: int(number) for roman, number in rows("terms.tsv")}


def _alternatives(words: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any white space."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def _trie(phrases: Sequence[str]) -> str:
    """The regex of :func:`_alternatives`, factored by common prefixes: "Thông (?:tư|báo)…".

    It matches what the flat alternation matches, with the same preference (a
    longer phrase before its prefix: "Thông tư liên tịch" before "Thông tư"),
    but tries one branch per letter instead of every phrase in turn.  Letters
    are grouped case-insensitively: the pattern is used with IGNORECASE.
    """

    def build(suffixes: list[str]) -> str:
        groups: dict[str, list[str]] = {}
        for s in suffixes:
            if s:
                groups.setdefault(s[0].lower(), []).append(s)
        branches = [
            (r"\s+" if ss[0][0] == " " else re.escape(ss[0][0])) + build([s[1:] for s in ss])
            for ss in groups.values()
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in suffixes else body

    return build([" ".join(p.split()) for p in phrases])


_KINDS: Final = [kind for kind, _cls in rows("document_kinds.tsv")]
# Letters that case-insensitive matching takes for others besides their upper and lower
# case (KELVIN SIGN for "k", LONG S for "s", the Turkish i's); see _case_variants.
_OTHER_CASES: Final = "\u212a\u017f\u0130\u0131"


def _case_variants(letter: str) -> list[str]:
    """Every character that ``letter`` matches when case is ignored (tested exhaustively)."""
    candidates = {letter, letter.lower(), letter.upper(), letter.title(), *_OTHER_CASES}
    same = re.compile(re.escape(letter), re.IGNORECASE)
    return sorted(c for c in candidates if len(c) == 1 and same.fullmatch(c))


def _kind_pattern(kinds: Sequence[str]) -> str:
    """The kinds, case-insensitive, starting a word, each first letter as itself.

    The :func:`_trie` of the kinds, but the first letter of each branch is written in
    each of its cases ("H(?i:iến pháp|…)|h(?i:iến pháp|…)") and case matters for it
    alone: the engine then skips at once to a letter some kind starts with and tries
    only the branch of that letter, where a case-insensitive pattern tries every
    branch at every word start.  The word-start test follows the first letter.
    """
    groups: dict[str, list[str]] = {}
    for kind in kinds:
        words = " ".join(kind.split())
        groups.setdefault(words[0].lower(), []).append(words)
    branches = [
        re.escape(variant) + rf"(?<![^\W_].)(?i:{_trie([k[1:] for k in group])})"
        for group in groups.values()
        for variant in _case_variants(group[0][0])
    ]
    return rf"(?P<kind>{'|'.join(branches)})(?![^\W_])"


# The kind as written, in any case, so that "nghị định" and "NGHỊ QUYẾT" are found too.
_KIND: Final = re.compile(_kind_pattern(_KINDS))
# --- which clauses can cite anything --------------------------------------------------
# Most text cites nothing, and scanning it for every kind costs about as much as reading
# it word by word.  A citation needs one of two things, both cheap to look for: a number
# right after "số" or after a kind's last word (white space and a colon may stand
# between), or a law or a resolution written capitalised (a name, a plenum).  The first
# is looked for in the reversed text, where the digit comes first: the engine then skips
# from digit to digit, and a number rarely follows a word.  Only the clauses holding
# one are scanned for kinds: no kind runs over a clause's end, nor does the stretch from
# a kind to its number.
_LAST_WORDS: Final = sorted({kind.split()[-1] for kind in _KINDS} | {"số"})
_NUMBER_AFTER_WORD_REVERSED: Final = re.compile(
    rf"\d(?!\d)[\s:]*(?i:{_trie([word[::-1] for word in _LAST_WORDS])})"
)
_NAMED_KINDS: Final = [
    kind
    for kind, cls in rows("document_kinds.tsv")
    if cls == "law" or fold(kind).startswith(fold("Nghị quyết"))
]


def _capitalised(kind: str) -> str:
    """The pattern of ``kind`` with its first letter upper case and the rest in any case.

    The first letter as written (only "L" is "l" capitalised: tested), the rest as
    _KIND reads it.
    """
    return re.escape(kind[0].upper()) + rf"(?i:{_trie([kind[1:]])})"


_CAPITALISED_NAMED_KIND: Final = re.compile("|".join(map(_capitalised, _NAMED_KINDS)))
# --- the same scans, one literal character first ---------------------------------------
# A pattern that starts with one literal character is searched for by a C loop that only
# compares characters: on Vietnamese text about ten times as fast per character as a
# pattern that starts with a class ("\d", a set of first letters).  So the capitalised
# kinds are looked for by one pattern per first letter (kinds of one letter in their
# order), and numbers by a pattern that starts with "0" in a copy of the text whose
# ASCII digits are all "0" (str.replace is faster still: it finds a character in C).
_CAPITALISED_BY_LETTER: Final = [
    re.compile("|".join(_capitalised(kind) for kind in _NAMED_KINDS if kind[0].upper() == letter))
    for letter in dict.fromkeys(kind[0].upper() for kind in _NAMED_KINDS)
]
_NUMBER_AFTER_ZERO_REVERSED: Final = re.compile(
    _NUMBER_AFTER_WORD_REVERSED.pattern.replace(r"\d", "0", 1)
)
# "\d" is every decimal digit of Unicode, not only ASCII's: the high bytes of the UTF-16
# code units of all others, the blocks of 256 that hold one (tested against unicodedata),
# and the high surrogates, D8-DB, that code those beyond the first 65 536.  A text none
# of whose code units has one of these high bytes has no digit but ASCII's.
_OTHER_DIGIT_BLOCKS: Final = bytes(
    [*range(0x06, 0x08), *range(0x09, 0x11), *range(0x17, 0x1D), 0xA6, *range(0xA8, 0xAC), 0xFF]
) + bytes(range(0xD8, 0xDC))
_NOT_OTHER_DIGIT_BLOCKS: Final = bytes(b for b in range(256) if b not in _OTHER_DIGIT_BLOCKS)


def _only_ascii_digits(text: str) -> bool:
    r"""True if every character of ``text`` that "\d" matches is an ASCII digit.

    (False may also be said of a text that has none: a character of a block above.)
    """
    high_bytes = text.encode("utf-16-le", "surrogatepass")[1::2]
    return not high_bytes.translate(None, _NOT_OTHER_DIGIT_BLOCKS)


def _zeroed(text: str) -> str:
    """``text`` with every ASCII digit made "0": the same length, the same other characters."""
    for digit in "123456789":
        text = text.replace(digit, "0")
    return text


def _anchors(joined: str, backwards: str) -> list[tuple[int, int]]:
    """The spans of _CAPITALISED_NAMED_KIND and the digits _NUMBER_AFTER_WORD_REVERSED finds.

    Sorted; found by the patterns of one first character each where they find the same
    (property-tested against the two scans): the matches of each letter's pattern are
    the whole pattern's when none of them overlaps one of another letter (a pattern
    tries its letters' kinds in the whole pattern's order at a place with that letter,
    and the whole takes the leftmost); in a text whose only digits are ASCII's, a "0" of
    the zeroed text is where a digit is, and what follows it is unchanged but for digits
    made "0", which are still digits to the look-ahead.
    """
    capitalised = sorted(m.span() for p in _CAPITALISED_BY_LETTER for m in p.finditer(joined))
    if any(a_end > b_start for (_a, a_end), (b_start, _b) in itertools.pairwise(capitalised)):
        capitalised = [m.span() for m in _CAPITALISED_NAMED_KIND.finditer(joined)]
    size = len(joined)
    if _only_ascii_digits(backwards):
        numbers = [m.start() for m in _NUMBER_AFTER_ZERO_REVERSED.finditer(_zeroed(backwards))]
    else:
        numbers = [m.start() for m in _NUMBER_AFTER_WORD_REVERSED.finditer(backwards)]
    return sorted(capitalised + [(size - 1 - start, size - start) for start in numbers])


# What ends a stretch of text that a citation's start never runs over: between a kind
# and its number, or "số" and the number after a name, stand only words, white space
# and a colon.  Full stops count wherever they stand ("1.000", "TP.HCM").
_CLAUSE_MARK: Final = re.compile(r'[.;!?()“”"]')


# Blocks are scanned together, joined by a character that no anchor pattern reads (not
# white space, a colon, a digit or a letter), so that no anchor runs from one block
# into the next.
_BLOCK_JOIN: Final = "\x00"


def _citing_clauses(texts: Sequence[str]) -> list[list[tuple[int, int, int]]]:
    """The clauses of each text that may cite a document.

    A clause comes as (start, end, limit), in order, [] where none may cite: a kind
    that may begin a citation starts before ``limit``, the end of its last anchor (a
    capitalised kind hides those it overlaps; the number comes after its kind).  The
    texts (an article's blocks) are scanned for anchors joined, forwards and backwards
    (:func:`_anchors`).

    Reading only these finds every citation that reading all of a text finds
    (property-tested): a kind left out is one that no citation could follow.
    """
    joined = _BLOCK_JOIN.join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    size = len(joined)
    backwards = joined[::-1]
    clauses: list[list[tuple[int, int, int]]] = [[] for _ in texts]
    block, end = 0, -1  # of the last clause found; ``end`` in the joined text
    for anchor, anchor_end in _anchors(joined, backwards):  # a capital or a digit, never a mark
        if anchor < end:  # in the clause of the anchor before
            start, clause_end, limit = clauses[block][-1]
            clauses[block][-1] = (start, clause_end, max(limit, anchor_end - starts[block]))
            continue
        block = bisect.bisect_right(starts, anchor) - 1
        offset = starts[block]
        block_end = offset + len(texts[block])
        after = _CLAUSE_MARK.search(joined, anchor, block_end)
        end = after.start() if after is not None else block_end
        # The mark before the anchor is the first one after it in the reversed text.
        before = _CLAUSE_MARK.search(backwards, size - 1 - anchor, size - offset)
        start = size - before.start() if before is not None else offset
        clauses[block].append((start - offset, end - offset, anchor_end - offset))
    return clauses


# A number as written: sequence, then separators and codes; bounded, so matching stays linear.
_NUMBER_TEXT: Final = r"\d{1,5}[a-zđ]?(?:[ ]?[/\-–][ ]?[^\W_]{1,24}(?:&[^\W_]{1,24}){0,3}){0,10}"
_NUMBER: Final = re.compile(_NUMBER_TEXT)
# A short number: "19", "15/2015", "19-2017"; not a date, a decimal or part of a longer number.
_SHORT: Final = re.compile(
    r"\d{1,5}[a-zđ]?(?:[/\-](?:19|20)\d\d)?(?![^\W_])(?! ?[/\-–] ?[^\W_])(?![.,]\d)"
)
# What may stand between the kind and the number.
_AFTER_KIND: Final = re.compile(r"\s*(?P<so>số\b)?\s*:?\s*", re.IGNORECASE)
# Up to eight words between the kind and "số": a name, "khẩn", "của Quốc hội".
_NAMED_NUMBER: Final = re.compile(
    r"(?P<gap>(?:\s+[^\s.;:!?()“”\"]{1,30}){1,8}?)\s+số\s+(?=\d)", re.IGNORECASE
)
# A word after a short number that makes it a quantity: "Kế hoạch 5 năm".
_QUANTITY: Final = re.compile(
    r"\s*(?:%|năm|tháng|ngày|tuần|giờ|phút|người|lần|triệu|tỷ|tỉ|nghìn|ngàn|đồng|km|ha|m2|tấn|"
    r"điều|khoản|chương|mục|trang|tuổi|lượt|ca|điểm|bước|nội dung|nhiệm vụ|dự án|văn bản)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# Another number of the same kind in a list: "số 191/QĐ-UBND; 192/QĐ-UBND".
_LIST_NEXT: Final = re.compile(r"\s*(?:,|;|và|hoặc)\s*(?:số\s+)?(?=\d)", re.IGNORECASE)

# --- the tail: date, issuer, subject ---------------------------------------------------

_BEFORE_DATE: Final = re.compile(
    r"\s*,?\s*(?:(?:đã\s+|được\s+)?(?:ký\s+)?(?:ban\s+hành\s+)?(?:vào\s+)?)(?=ngày\b|\d)",
    re.IGNORECASE,
)
_OF: Final = re.compile(r"\s*,?\s*(?P<word>của|cuả|do|được)\s+(?=[A-ZĐÀ-Ỹ])")
# Lower-case words that end an issuer's name: a verb, a date or the subject follows.
# Case matters: "Ban Chỉ đạo", "Bộ Kế hoạch và Đầu tư" are names.
# Its first character is white space or a mark, whichever way it matches (the lookbehinds
# tell which it was): a pattern that starts with one character class is searched for
# from class member to class member, where one that starts with alternatives is tried
# at every offset.
_ISSUER_STOP: Final = re.compile(
    r"[\s,.;:!?()\[\]“”\"…](?:(?<=\s)\s*(?:(?:"
    r"(?i:về|thực\s+hiện|ban\s+hành|quy\s+định|hướng\s+dẫn|sửa\s+đổi|phê\s+duyệt)|"
    r"ký|với|tại|trong|nói|đã|để|cho|có|được|là|theo|ngày|năm|từ|đến|thì|nhằm|mà|khi|nêu|"
    r"yêu\s+cầu|đang|sẽ|vừa|cũng|không|vẫn|nay|này|đó|gửi|số|trên|dưới|bởi|như|vào|vì|"
    r"thu\s+hồi|công\s+bố|chỉ\s+đạo|đề\s+nghị|xử\s+phạt|tuyên\s+bố|thông\s+qua|giao|"
    r"triển\s+khai|cho\s+phép|thiết\s+kế|soạn\s+thảo|và\s+(?=[a-zđà-ỹ])|hiện)(?![^\W_])"
    r"|[,.;:!?()\[\]“”\"…])|(?<!\s))"
)
# Another document after the issuer: "của Ban Chỉ đạo Quốc gia và Quyết định …".
_ISSUER_THEN_KIND: Final = re.compile(
    rf"(?:\s*,|\s+và|\s+hoặc)\s+(?:{_alternatives(_KINDS)})(?![^\W_])"
)
_TRAILING_AND: Final = re.compile(r"(?:\s+(?:và|hoặc))+\s*$")
_ISSUER_DONE: Final = re.compile(r"\s+(?:ban\s+hành|ký)(?![^\W_])")
_TERM: Final = re.compile(r"kh(?:óa|oá|oa)\s+(?P<term>[IVX]{1,6}|\d{1,2})(?![^\W_])", re.IGNORECASE)
_SUBJECT: Final = re.compile(r"\s*,?\s*(?:quy\s+định\s+)?(?=về\s)", re.IGNORECASE)
# A mark, or a full stop before white space or the end; one class first, as _ISSUER_STOP.
_SUBJECT_END: Final = re.compile(r"[;:!?()\[\]“”\"….](?:(?<!\.)|(?=\s|$))")
# "ngày 6/2/2017, Thủ tướng Chính phủ đã ký ban hành" before the kind.
_CLAUSE_BREAK: Final = re.compile(r"[.;!?]")
_SIGNED_WITHIN: Final = 100  # characters from the date's end to the kind: one clause
_SIGNED_BEFORE: Final = re.compile(
    r"(?:^|[,\s])(?P<issuer>[A-ZĐ][^,.;:!?()“”\"]{0,80}?)?\s*(?:đã\s+)?(?:ký\s+)?(?:ký|ban\s+hành)\s*$"
)

# --- articles and clauses, names, plenums ----------------------------------------------

_PROVISIONS: Final = re.compile(
    r"(?:(?:[Đđ]iểm\s+[a-zđ]|[Kk]hoản\s+\d{1,3}|Điều\s+\d{1,3}[a-zđ]?)(?:\s*,\s*|\s+và\s+|\s+))+"
    r"(?:c(?:ủa|uả)\s+)?$"
)
_PROVISION: Final = re.compile(r"[Đđ]iểm\s+[a-zđ]|[Kk]hoản\s+\d{1,3}|Điều\s+\d{1,3}[a-zđ]?")
# A law's name: capitalised first word, then words up to a stop word or punctuation.
_NAME_STOP: Final = re.compile(
    r"(?:số|năm|ngày|của|cuả|được|đã|đang|sẽ|có|này|đó|quy|hiện|sửa|mới|sắp|tới|thì|là|để|cho|"
    r"với|tại|trong|theo|về|khi|từ|nhằm|cũng|không|vẫn|chưa|còn|vừa|phải|cần|trên|dưới|"
    r"thi|hiệu|đối|và|hoặc|cùng|nên|nhưng|mà|như|do|bị|vào|ra|gồm|thuộc|tại|đề|nêu|"
    r"trình|lại|muốn|cấm|phù|tương|thành|sao|bắt|ta|gì|nào|nói|đưa|tạo|giúp|"
    r"đang|vì|nay|rồi|đều|chỉ|hay|sau|trước|lên|xuống|qua|\d[\d.,]*)$",
    re.IGNORECASE,
)
# Words before "Luật" that make it part of a name: a law school, a law firm.
_SCHOOL: Final = re.compile(
    r"(?:Đại\s+học|ĐH|Trường|Khoa|Công\s+ty|Cty|Học\s+viện|Viện|Tạp\s+chí|Hãng|Văn\s+phòng|"
    r"ngành|Cử\s+nhân|Thạc\s+sĩ|Tiến\s+sĩ|sinh\s+viên|Pháp|môn)\s+$",
    re.IGNORECASE,
)
_NOT_NAME: Final = frozenset(
    {"các", "những", "một", "nhiều", "mọi", "từng", "cả", "điều", "khoản", "điểm", "chương"}
)
_NAME_WORD: Final = re.compile(r"\s+(?P<word>[^\W_][\w\-]*)")
_LAW_YEAR: Final = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d(?![^\W_])")
_PLENUM: Final = re.compile(
    r"\s+(?:Hội\s+nghị\s+)?(?:lần\s+thứ\s+)?Trung\s+ương\s+(?:lần\s+thứ\s+)?"
    r"(?P<nums>\d{1,2}(?:\s*(?:,|và)\s*\d{1,2})*)"
    r"(?:\s*\(?\s*(?P<term>kh(?:óa|oá|oa)\s+(?:[IVX]{1,6}|\d{1,2}))\)?)?(?![^\W_])",
    re.IGNORECASE,
)
_CONGRESS: Final = re.compile(
    r"\s+(?:c(?:ủa|uả)\s+)?Đại\s+hội\s+(?:đại\s+biểu\s+)?(?:toàn\s+quốc\s+)?(?:Đảng\s+)?"
    r"(?:lần\s+thứ\s+)?(?P<term>[IVX]{1,6})(?![^\W_])(?:\s+c(?:ủa|uả)\s+Đảng(?![^\W_])(?!\s+bộ))?"
)
_SPACE: Final = re.compile(r"\s*")
_SENTENCE_END: Final = re.compile(r"[.!?:;…“”\"(\-–•]\s*$|^\s*$")


@attrs.define
class _Citation:
    """One place the article cites a document, before citations are merged."""

    kind: str
    number: str | None
    mention: Mention
    as_written: str
    issued: date | None = None
    issuer: str | None = None
    subject: str | None = None
    term: int | None = None
    provisions: tuple[str, ...] = ()
    parsed: DocumentNumber | None = None
    key: str | None = None  # for unnumbered documents: what identifies them


# What ends a clause for dates: find_dates reads none of these marks into a date, nor
# a full stop before white space, and none of them changes what it finds beside it; a
# date before one is never "signed before" what follows (_CLAUSE_BREAK).
_DATE_BREAK: Final = re.compile(r"[;!?]|\.(?=\s)")


# Where a date may start (find_dates reads "ngày" or a digit first, and nothing that
# follows a word character, "/", "." or "-"), and a "ngày" before white space whose date
# could run over the place asked about.
_DATE_START: Final = re.compile(r"ngày|\d", re.IGNORECASE)
_NO_DATE_AFTER: Final = re.compile(r"[\w/.\-]")
_DAY_WORD: Final = re.compile(r"ngày\s+", re.IGNORECASE)
# How much text a date at a place is first read in: "ngày 25 tháng 12 năm 2001" fits, and
# the two characters find_dates looks at after a date.
_DATE_WINDOW: Final = 40


@attrs.frozen
class _ClauseDates:
    """The dates of one clause, in text order, by start and by end."""

    starts: dict[int, DateSpan]
    spans: list[DateSpan]
    ends: list[int]


@functools.lru_cache(maxsize=1024)
def _parsed(text: str) -> DocumentNumber | None:
    """The number parsed, or None; kept, as a number is read again at each citation."""
    try:
        return DocumentNumber.parse(text)
    except InvalidDocumentNumber:
        return None


def _roman(text: str) -> int | None:
    m = _TERM.search(text)
    if m is None:
        return None
    value = m["term"].upper()
    return int(value) if value.isdigit() else _ROMAN.get(value)


def _is_capitalised(kind: str) -> bool:
    return kind[:1].isupper()


class _Reader:
    """Reads the citations of one text block."""

    def __init__(self, block: TextBlock) -> None:
        self.block = block
        self.text = block.text
        self._date_breaks: list[int] | None = None
        self._clause_dates: dict[int, _ClauseDates] = {}
        self.out: list[_Citation] = []
        self.taken = 0  # text before this offset belongs to a citation already read

    def clause_dates(self, pos: int) -> _ClauseDates:
        """The dates of the clause around ``pos``, read once a citation there needs them.

        A clause is read alone: :func:`find_dates` finds in it exactly the block's
        dates that lie in it (property-tested), and no date runs over its ends.
        """
        if self._date_breaks is None:
            self._date_breaks = [m.start() for m in _DATE_BREAK.finditer(self.text)]
        breaks = self._date_breaks
        i = bisect.bisect_left(breaks, pos)
        start = breaks[i - 1] + 1 if i else 0
        if (found := self._clause_dates.get(start)) is None:
            end = breaks[i] if i < len(breaks) else len(self.text)
            spans = [
                DateSpan(d.value, d.start + start, d.end + start)
                for d in find_dates(self.text[start:end])
            ]
            found = self._clause_dates[start] = _ClauseDates(
                {d.start: d for d in spans}, spans, [d.end for d in spans]
            )
        return found

    def date_at(self, pos: int) -> DateSpan | None:
        """The date that starts at ``pos``: ``self.clause_dates(pos).starts.get(pos)``.

        Most places asked about hold no date or a short one; the clause is read only
        where the answer could need more than :data:`_DATE_WINDOW` characters (property-
        tested).  A date read in the window alone is the clause's: none of the clause's
        dates can run over ``pos`` from before but one after "ngày" (asked about by the
        clause), after "tháng" (not a date's start) or a year (whose four digits no date
        starts with); the window starts after a character that allows a date (so find_dates
        reads it as it reads the clause), and a date that ends two characters before the
        window's end is read whole, with what its look-ahead reads.
        """
        text = self.text
        if not _DATE_START.match(text, pos) or (pos and _NO_DATE_AFTER.match(text, pos - 1)):
            return None
        gap = pos
        while gap and text[gap - 1].isspace():
            gap -= 1
        if gap == pos or not _DAY_WORD.match(text, max(0, gap - 4), pos):
            found = find_dates(text[pos : pos + _DATE_WINDOW])
            if found and found[0].start == 0 and found[0].end <= _DATE_WINDOW - 2:
                return DateSpan(found[0].value, pos, pos + found[0].end)
        return self.clause_dates(pos).starts.get(pos)

    def read(self, spans: Sequence[tuple[int, int, int]] | None = None) -> list[_Citation]:
        """The citations in ``spans``, in order; by default in all the text.

        A span (start, end, limit) must end where no kind runs over it, and holds no
        citation whose kind starts at ``limit`` or later, as :func:`_citing_clauses`
        gives them.
        """
        everything = [(0, len(self.text), len(self.text))]
        for start, end, limit in spans if spans is not None else everything:
            # No kind that starts before the limit runs past it (a digit, or the end of
            # the capitalised kind): scan no further than the character after it.
            for m in _KIND.finditer(self.text, start, min(end, limit + 1)):
                if m.start() < self.taken:
                    continue
                self._cite(m.start(), m["kind"], m.end())
        return self.out

    # -- one citation ---------------------------------------------------------------

    def _cite(self, start: int, kind: str, pos: int) -> None:
        cls = _KIND_CLASS.get(_folded(kind))
        after = _AFTER_KIND.match(self.text, pos)
        assert after is not None  # noqa: S101 - the pattern matches the empty string
        number = self._number(after.end(), kind, has_so=after["so"] is not None, start=start)
        if number is not None:
            self._numbered(start, kind, after.end(), number)
            return
        named = _NAMED_NUMBER.match(self.text, pos)
        if named and not _KIND.search(named["gap"]):
            full = self._full_number(named.end())
            if full is not None:
                self._numbered(start, kind, named.end(), full)
                return
        if cls == "law" and _is_capitalised(kind):
            self._named_law(start, kind, pos)
        elif _folded(kind) == _RESOLUTION and _is_capitalised(kind):
            self._plenum(start, kind, pos)

    def _full_number(self, pos: int) -> str | None:
        m = _NUMBER.match(self.text, pos)
        if m is None or _parsed(m.group()) is None:
            return None
        if m.end() < len(self.text) and self.text[m.end()].isalnum():
            return None
        return m.group()

    def _number(self, pos: int, kind: str, *, has_so: bool, start: int) -> str | None:
        """The number at ``pos``: a full identifier, or a short one where the kind allows."""
        full = self._full_number(pos)
        if full is not None:
            return full
        m = _SHORT.match(self.text, pos)
        if m is None:
            return None
        after = _SPACE.match(self.text, m.end())
        if (
            after is not None
            and _QUANTITY.match(self.text, m.end())
            and self.date_at(after.end()) is None
        ):
            return None  # "Kế hoạch 5 năm", but "Nghị quyết 2024 ngày 14/12/2011"
        cls = _KIND_CLASS.get(_folded(kind))
        if cls == "law" and not has_so:
            return None  # "Luật Đất đai 2013", "Hiến pháp 1992": a year, not a number
        if cls == "weak" and not has_so:
            at_start = _SENTENCE_END.search(self.text[max(0, start - 3) : start])
            if not _is_capitalised(kind) or at_start:
                return None
        return m.group()

    def _numbered(self, start: int, kind: str, pos: int, number: str) -> None:
        end = pos + len(number)
        citation = self._citation(start, kind, number, end)
        self.out.append(citation)
        # A list of further numbers of the same kind: "số 191/QĐ-UBND; 192/QĐ-UBND".
        # Short numbers list short ones: "Chỉ thị 15, 16 của Thủ tướng".
        short = citation.parsed is None
        while (more := _LIST_NEXT.match(self.text, self.taken)) is not None:
            if short:
                found = self._number(more.end(), kind, has_so=True, start=start)
            else:
                found = self._full_number(more.end())
            if found is None or (short and _parsed(found) is not None):
                break
            self.out.append(self._citation(more.end(), kind, found, more.end() + len(found)))

    def _citation(self, start: int, kind: str, number: str, end: int) -> _Citation:
        parsed = _parsed(number)
        citation = _Citation(
            kind=kind,
            number=number,
            mention=self.block.mention(start, end),
            as_written="",
            parsed=parsed,
            provisions=self._provisions(start),
            term=parsed.term if parsed is not None else None,
        )
        tail_end = self._tail(citation, end)
        if citation.issued is None:
            citation.issued, signer = self._signed_before(start)
            citation.issuer = citation.issuer or signer
        citation.as_written = " ".join(self.text[start:tail_end].split()).rstrip(" ,")
        self.taken = max(self.taken, end)
        return citation

    def _tail(self, citation: _Citation, pos: int) -> int:
        """Read date, issuer and subject after the number; return where the reference ends."""
        pos = self._date_at(citation, pos)
        if (of := _OF.match(self.text, pos)) is not None:
            window = min(len(self.text), of.end() + 200)
            stop = _ISSUER_STOP.search(self.text, of.end(), window)
            issuer_end = stop.start() if stop else window
            if (then := _ISSUER_THEN_KIND.search(self.text, of.end(), issuer_end)) is not None:
                issuer_end = then.start()
            issuer = _TRAILING_AND.sub("", self.text[of.end() : issuer_end]).rstrip()
            issuer_end = of.end() + len(issuer)
            if of["word"] not in {"của", "cuả"} and not _ISSUER_DONE.match(self.text, issuer_end):
                issuer = ""  # "do Liên Xô thiết kế" is no issuer; "do Bộ Y tế ban hành" is
            if issuer:
                citation.issuer = " ".join(issuer.split())
                citation.term = _roman(issuer) or citation.term
                pos = issuer_end
                pos = self._date_at(citation, pos)
        if (about := _SUBJECT.match(self.text, pos)) is not None:
            window = min(len(self.text), about.end() + 400)
            stop = _SUBJECT_END.search(self.text, about.end(), window)
            subject = self.text[about.end() : stop.start() if stop else window]
            subject = " ".join(subject.split()).rstrip(" ,")
            citation.subject = subject or None
        return pos

    def _date_at(self, citation: _Citation, pos: int) -> int:
        if citation.issued is not None:
            return pos
        m = _BEFORE_DATE.match(self.text, pos)
        if m is None:
            return pos
        found = self.date_at(m.end())
        if found is None:
            return pos
        citation.issued = found.value
        return found.end

    def _signed_before(self, start: int) -> tuple[date | None, str | None]:
        """A date earlier in the sentence: "ngày 6/2/2017, Thủ tướng … đã ký ban hành <kind>"."""
        # The text between the date (at most _SIGNED_WITHIN before) and the kind must end
        # in "ký" or "ban hành" (below), so the text before the kind must: most does not,
        # and then no date need be read.
        window = self.text[max(0, start - _SIGNED_WITHIN) : start]
        if not window.rstrip().endswith(("ký", "hành")):
            return None, None
        # A date before the clause is cut off by its end, a clause break.
        dates = self.clause_dates(start)
        last = bisect.bisect_right(dates.ends, start) - 1
        if last < 0 or start - dates.ends[last] > _SIGNED_WITHIN:
            return None, None
        span = dates.spans[last]
        between = self.text[span.end : start]
        if _CLAUSE_BREAK.search(between):
            return None, None
        # The pattern ends in "ký" or "ban hành": say no at once to any other text
        # (tried at every offset, it would read up to 80 characters at each).
        if not between.rstrip().endswith(("ký", "hành")):
            return None, None
        m = _SIGNED_BEFORE.search(between)
        if m is None:
            return None, None
        issuer = " ".join((m["issuer"] or "").split()) or None
        return span.value, issuer

    def _provisions(self, start: int) -> tuple[str, ...]:
        window = self.text[max(0, start - 120) : start]
        if "iểm" not in window and "hoản" not in window and "Điều" not in window:
            return ()  # none of the words _PROVISIONS needs: no search at every offset
        m = _PROVISIONS.search(window)
        if m is None:
            return ()
        return tuple(" ".join(p.split()) for p in _PROVISION.findall(m.group()))

    def _name_goes_on(self, pos: int) -> bool:
        """After "và": "Luật Khoa học và Công nghệ" goes on, "Luật A và Luật B" does not."""
        m = _NAME_WORD.match(self.text, pos)
        if m is None or _KIND.match(self.text, m.start("word")):
            return False
        return not _NAME_STOP.match(m["word"]) and m["word"].casefold() not in _NOT_NAME

    # -- documents without a number -----------------------------------------------------

    def _named_law(self, start: int, kind: str, pos: int) -> None:
        """A law by name: "Luật Công an nhân dân", "Bộ luật Hình sự", "Hiến pháp năm 2013"."""
        if _SCHOOL.search(self.text, max(0, start - 30), start):
            return  # "Trường Đại học Luật TP HCM", "Công ty Luật TNHH …"
        end = pos
        words = 0
        for m in _NAME_WORD.finditer(self.text, pos):
            if m.start() != end or words >= 8:  # noqa: PLR2004
                break
            word = m["word"]
            if words == 0 and not word[:1].isupper():
                break
            stop = words > 0 and (_NAME_STOP.match(word) or _KIND.match(word))
            if stop and (word.casefold() != "và" or not self._name_goes_on(m.end())):
                break
            end, words = m.end(), words + 1
            # "Luật Phòng, chống tham nhũng": the comma of the name.
            comma = re.match(r",\s+(?=chống\b)", self.text[end:])
            if comma:
                end += comma.end() - 1
        if words == 0 and _folded(kind) != _CONSTITUTION:
            return
        if (year := _LAW_YEAR.match(self.text, end)) is not None:
            end = year.end()
        name = " ".join(self.text[start:end].split())
        self.out.append(
            _Citation(
                kind=kind,
                number=None,
                mention=self.block.mention(start, end),
                as_written=name,
                provisions=self._provisions(start),
                key=_folded(name),
            )
        )
        self.taken = max(self.taken, end)

    def _plenum(self, start: int, kind: str, pos: int) -> None:
        """A plenum or congress: "Nghị quyết Trung ương 4, 6 khóa XII", "… Đại hội XIII"."""
        m = _PLENUM.match(self.text, pos) or _CONGRESS.match(self.text, pos)
        if m is None:
            return
        term_text = m["term"] or ""
        term = _roman(term_text) or _ROMAN.get(term_text.upper())
        written = " ".join(self.text[start : m.end()].split())
        self.out.append(
            _Citation(
                kind=kind,
                number=None,
                mention=self.block.mention(start, m.end()),
                as_written=written,
                term=term,
                key=_folded(written),
            )
        )
        self.taken = max(self.taken, m.end())


# --- merging citations into documents -------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _number_key(number: str) -> str:
    return "".join(fold(number).split()).replace("–", "-")


def _short_of(short: str, full: str) -> bool:
    """Short for: "25" of "25-NQ/TW", "19-2017" of "19-2017/NQ-CP", "87" of "87/2015/NĐ-CP"."""
    s, f = _number_key(short), _number_key(full)
    return f.startswith(s) and len(f) > len(s) and f[len(s)] in "/-"


def _group(citations: list[_Citation]) -> list[list[_Citation]]:
    groups: dict[str, list[_Citation]] = {}
    full = [c for c in citations if c.parsed is not None]
    for c in citations:
        if c.number is None:
            key = f"name:{c.key}"
        elif c.parsed is not None:
            key = f"number:{_number_key(c.number)}"
        else:
            owners = {
                _number_key(f.number or "")
                for f in full
                if _folded(f.kind) == _folded(c.kind) and _short_of(c.number, f.number or "")
            }
            if len(owners) == 1:
                key = f"number:{owners.pop()}"
            else:
                key = f"short:{_folded(c.kind)}:{_number_key(c.number)}"
        groups.setdefault(key, []).append(c)
    return sorted(groups.values(), key=lambda g: min(_order(c) for c in g))


_BLOCK_ORDER: Final = {block: rank for rank, block in enumerate(TEXT_BLOCKS)}


def _order(c: _Citation) -> tuple[int, int, int]:
    mention = c.mention
    return (_BLOCK_ORDER[mention.block], mention.index, mention.start)


def _richness(c: _Citation) -> tuple[bool, bool, bool, bool]:
    return (c.parsed is not None, c.issued is not None, c.issuer is not None, c.subject is not None)


def _first(values: Sequence[_Citation], field: str) -> object:
    for c in values:
        value = getattr(c, field)
        if value is not None:
            return value
    return None


def _document(group: list[_Citation]) -> Document:
    ordered = sorted(group, key=_order)
    best = max(ordered, key=_richness)  # max keeps the first of equals
    kinds = [c.kind for c in ordered if _is_capitalised(c.kind)] or [ordered[0].kind]
    provisions = tuple(dict.fromkeys(p for c in ordered for p in c.provisions))
    # The fullest citation speaks first ("Nghị quyết 25-NQ/TW, ngày … của … về …").
    sources = [best, *(c for c in ordered if c is not best)]
    issued, issuer, subject, term = (
        _first(sources, f) for f in ("issued", "issuer", "subject", "term")
    )
    return Document(
        kind=" ".join(kinds[0].split()),
        number=best.number,
        issued=issued if isinstance(issued, date) else None,
        issuer=issuer if isinstance(issuer, str) else None,
        subject=subject if isinstance(subject, str) else None,
        term=term if isinstance(term, int) else None,
        provisions=provisions,
        as_written=best.as_written or None,
        mentions=tuple(c.mention for c in ordered),
    )


def extract_documents(blocks: Sequence[TextBlock]) -> tuple[Document, ...]:
    """Every document the blocks cite, once each, in order of first citation.

    >>> from vnnews._blocks import text_blocks
    >>> blocks = text_blocks(None, "Nghị quyết 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành "
    ...     "Trung ương Đảng khóa XI về công tác dân vận; Nghị quyết số 25.", (), ())
    >>> [(d.kind, d.number, str(d.issued), d.term) for d in extract_documents(blocks)]
    [('Nghị quyết', '25-NQ/TW', '2013-06-03', 11)]
    """
    citations = []
    for block, clauses in zip(blocks, _citing_clauses([b.text for b in blocks]), strict=True):
        if clauses:
            citations += _Reader(block).read(clauses)
    return tuple(_document(group) for group in _group(citations))
