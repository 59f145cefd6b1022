"""Events: the dated happenings an article reports — what, when, where, who.

A sentence holds an event when it states (or implies, through the publication
date) a full date and names a happening: a noun such as "hội nghị", "buổi làm
việc", "phiên tòa" anywhere in the sentence, or a verb such as "đến thăm",
"kiểm tra" close to the date.  A dated photo caption is an event even without
such a word.  Dates that belong to a document ("Nghị quyết 25-NQ/TW ngày
03/6/2013"), a law taking effect or a deadline are not events, and neither are
days and months whose year cannot be known.  Sentences that report the same
happening again (captions, "tại hội nghị sáng 15/3") merge into one Event.

Everything here is a pure function of the text blocks, the publication date
and the data tables in ``vnnews/data``.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from functools import cache, cached_property
from itertools import islice
from typing import Final, NamedTuple

import attrs

from ._blocks import TextBlock  # noqa: TC001 - mypyc reads annotations at run time
from ._data import rows
from ._dates import DateExpression, expressions_in, lowered
from ._dates import word_pattern as _alternation
from ._model import Event, Mention, Person
from ._normalize import fold

__all__ = ["extract_events", "province_of"]

# --- vocabularies -------------------------------------------------------------------


@attrs.frozen
class _Head:
    kind: str | None  # None: the phrase as written
    strength: str  # "noun", "verb" or "weak"


_HEADS: Final = {
    fold(phrase): _Head(kind or None, strength)
    for phrase, kind, strength in rows("event_kinds.tsv")
}


class _Words:
    """A pattern of lower-case words, matched whatever their case.

    ``lowered`` is faster: it matches case-sensitively in ``lowered(text)``, where it
    finds what the case-insensitive pattern finds in ``text``, at the same places
    (every character of the text lowered stands where it stood, as re.IGNORECASE
    reads it, and is a word character if and only if it was).
    """

    def __init__(self, source: str, lower: str | None = None) -> None:
        self.source = source
        self.lower = re.compile(source if lower is None else lower)

    @cached_property
    def any_case(self) -> re.Pattern[str]:
        """The pattern, case-insensitive: compiled when first needed (few texts need it)."""
        return re.compile(self.source, re.IGNORECASE)

    @classmethod
    def of(cls, words: Iterable[str]) -> _Words:
        r"""Whole words, as ``(?<!\w)(?:{word_pattern(words)})(?!\w)`` finds them.

        In lower case the alternation has one branch per first character, each starting
        with that character alone, so that re skips quickly to the next place where a
        word may start; the look-behind after it asks for no word character before it.
        Within a branch the words keep their order (longest first).
        """
        words = [word.lower() for word in words]
        rests: dict[str, list[str]] = {}
        for word in sorted(set(words), key=len, reverse=True):
            rests.setdefault(word[0], []).append(_alternation([word[1:]]))
        branches = "|".join(
            f"{re.escape(first)}(?<!\\w.)(?:{'|'.join(rest)})" for first, rest in rests.items()
        )
        return cls(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", rf"(?:{branches})(?!\w)")

    def finditer(self, text: str, low: str | None, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches in ``text`` from ``pos`` on, given ``low = lowered(text)``."""
        if low is not None:
            return self.lower.finditer(low, pos)
        return self.any_case.finditer(text, pos)

    def match(self, text: str, low: str | None) -> re.Match[str] | None:
        """The match at the start of ``text``, given ``low = lowered(text)``."""
        return self.lower.match(low) if low is not None else self.any_case.match(text)

    def search(
        self, text: str, low: str | None, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """The first match in ``text[pos:endpos]``, given ``low = lowered(text)``."""
        if low is not None:
            return self.lower.search(low, pos, endpos)
        return self.any_case.search(text, pos, endpos)


_HEAD_WORDS: Final = _Words.of(p for p, *_ in rows("event_kinds.tsv"))
_MARKERS: Final = {fold(m): needs == "yes" for m, needs in rows("location_markers.tsv")}
_MARKER_RE: Final = re.compile(
    rf"(?<!\w)(?:{_alternation([m for m, _ in rows('location_markers.tsv')])})\s{{1,3}}(?=\S)",
    re.IGNORECASE,
)
_UNITS: Final = tuple(fold(u) for (u,) in rows("admin_units.txt"))

# Sentence ends: a stop, then space and a capital, digit or quote; or a stop glued to a
# capitalised word ("chỉ đạo.Trong"), as texts that lost their line breaks have them.
# A run of stops is tried from its first stop only: what follows the run decides for
# every stop in it, and trying each would read the run again from each (quadratic on
# "....").  The pattern starts with a stop alone, so that re skips quickly to the next
# stop; the look-behind after it asks for no stop before it.
_SENTENCE_END: Final = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"”’)]?(?:\s+|(?=[A-ZĐ][a-zà-ỹ]))")
_SHORT_ABBREV: Final = re.compile(r"(?:^|\s)(?:[A-ZĐ][\w]{0,2}|[a-zđ]{1,2})$")
# A photo credit that follows a caption: "Ảnh: AFP", "(Ảnh: VGP)".
_CREDIT: Final = re.compile(r"\s{0,3}\(?\s{0,2}(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh)\s{0,2}:")
# Quoted speech: heads inside it are what someone said, not what happened.
_QUOTED: Final = re.compile(r"“[^”]{0,2000}”|\"[^\"]{0,2000}\"")

_DOC_KINDS: Final = (
    r"Nghị\s{1,3}quyết|Nghị\s{1,3}định(?:\s{1,3}thư)?|Quyết\s{1,3}định|Thông\s{1,3}tư|Chỉ\s{1,3}thị"
    r"|Kết\s{1,3}luận|Công\s{1,3}văn|Công\s{1,3}điện|Luật|Bộ\s{1,3}luật|Pháp\s{1,3}lệnh"
    r"|Chương\s{1,3}trình(?:\s{1,3}hành\s{1,3}động)?|Kế\s{1,3}hoạch|Quy\s{1,3}định|Hướng\s{1,3}dẫn"
    r"|Thông\s{1,3}báo|Thỏa\s{1,3}thuận|Thoả\s{1,3}thuận|Hiệp\s{1,3}định|Tờ\s{1,3}trình|Đề\s{1,3}án"
    r"|Báo\s{1,3}cáo|Điều\s{1,3}lệ|Hiến\s{1,3}pháp|văn\s{1,3}bản"
)
# The date a document was signed or issued: "Nghị quyết 25-NQ/TW, ngày 03/6/2013",
# "Nghị định số 19 của Chính phủ ban hành ngày", "ký ngày", "có hiệu lực từ ngày".
_DOCUMENT_DATE: Final = _Words(
    (
        rf"(?:(?:{_DOC_KINDS})(?:\s{{1,3}}(?:số\s{{1,3}})?[\w./\-]{{0,30}}\d[\w./\-]{{0,30}})?"
        rf"(?:\s{{1,3}}(?:của|do)\s{{1,3}}[^,.;:]{{0,60}})?\s{{0,3}},?\s{{0,3}}(?:ban\s{{1,3}}hành\s{{1,3}})?"
        r"|(?<!\w)(?:ký|ban\s{1,3}hành|hiệu\s{1,3}lực(?:\s{1,3}thi\s{1,3}hành)?(?:\s{1,3}kể)?"
        r"(?:\s{1,3}từ)?|thời\s{1,3}hạn|hạn\s{1,3}chót|trước|sinh|sinh\s{1,3}ra|chậm\s{1,3}nhất)\s{1,3})"
        r"(?:ngày\s{1,3})?$"
    ).lower()
)
_DOC_WINDOW: Final = 140
# Where a sentence may state a day (find_date_expressions gives a dated day only from
# these), found in the lower-cased text: digits as in a date ("11/6", "5 - 10/6", "25
# tháng 12", "tháng Năm 15, 2019", not "1,5 tỷ"; "3 ngày trước") and the digit of "T2"
# by one pattern starting with a digit; words by str.find, each checked where it
# stands: a relative day ("nay", "qua", "mai", "kia" after a part of day, "hôm" or
# "ngày", as in "sáng nay", "chiều tối qua", "hôm kia" and "ngày mai") and a weekday
# ("thứ Hai", "thứ 5", "Chủ nhật", "CN").  (A day or month has at most two digits:
# "1.000.000" is no date, and a number glued to a word or a number ("NĐ-CP30/20") starts
# none.)  The pattern starts with \d alone, so that re skips to the next digit quickly;
# it takes the number only, what follows it is looked at (a mark stands at each number).
_DAY_MARKS: Final = re.compile(
    r"\d(?:(?<![\w/.\-]\d)\d{0,2}"
    r"(?=[/.\-]\d{1,2}(?!\d)|\s?[\-–]\s?\d|\s{1,3}(?:tháng\s|(?:ngày|tuần)\s{1,3}(?:trước|nữa))"
    r"|,\s{0,3}\d{4})"
    r"|(?<=t[2-7]))"
)
_PART_ENDS: Final = {word.split()[-1].lower() for word, *_ in rows("parts_of_day.tsv")}
_BEFORE_RELATIVE: Final = re.compile(rf"(?:{_alternation(_PART_ENDS | {'hôm', 'ngày'})})\s{{1,3}}$")
_RELATIVE_REACH: Final = 12  # "chiều" and three spaces fit
_WEEKDAY_AFTER_THU: Final = re.compile(r"thứ\s{1,3}(?:hai|ba|tư|năm|sáu|bảy|[2-7])")
_BEFORE_NHAT: Final = re.compile(r"chủ\s{1,3}$")
_DAY_WORDS: Final = (
    ("nay", _BEFORE_RELATIVE.search, -_RELATIVE_REACH),
    ("qua", _BEFORE_RELATIVE.search, -_RELATIVE_REACH),
    ("mai", _BEFORE_RELATIVE.search, -_RELATIVE_REACH),
    ("kia", _BEFORE_RELATIVE.search, -_RELATIVE_REACH),
    ("nhật", _BEFORE_NHAT.search, -_RELATIVE_REACH),
    ("thứ", _WEEKDAY_AFTER_THU.match, 0),
    ("cn", None, 0),
)


def _day_marks(text: str) -> list[int] | None:
    """Where in a block's ``text`` a day may be stated, in order; None: anywhere.

    A sentence of the block from which find_date_expressions reads a dated day holds
    one of these places: every word or pattern found lies inside the date expression,
    and the block reads the same there (a sentence ends with a stop or a quote, or
    with its block, so the look-aheads at its end see alike).
    """
    low = lowered(text)
    return None if low is None else _marks_in(low)


# Joins the blocks' texts to find their day marks in one pass: no pattern above matches
# across it, and each reads it as it reads the end or start of a text (not a digit, a
# letter or a space).
_BLOCK_JOINER: Final = "\0"


def _blocks_day_marks(blocks: Sequence[TextBlock]) -> list[list[int] | None]:
    """``[_day_marks(block.text) for block in blocks]``, lowering and scanning once."""
    texts = [block.text for block in blocks]
    low = lowered(_BLOCK_JOINER.join(texts))
    if low is None:
        return [_day_marks(text) for text in texts]
    marks = _marks_in(low)
    out: list[list[int] | None] = []
    start = first = 0
    for text in texts:
        end = start + len(text)
        last = bisect_left(marks, end, first)
        out.append([at - start for at in marks[first:last]])
        start, first = end + len(_BLOCK_JOINER), last
    return out


def _marks_in(low: str) -> list[int]:
    """_day_marks in a lower-cased text."""
    marks = [m.start() for m in _DAY_MARKS.finditer(low)]
    for word, check, reach in _DAY_WORDS:
        at = low.find(word)
        while at >= 0:
            # Before the word: look back from it; else: read on from it.
            if check is None or (
                (check(low, max(0, at + reach), at) if reach else check(low, at)) is not None
            ):
                marks.append(at)
            at = low.find(word, at + 1)
    marks.sort()
    return marks


# A happening called off or not held: "dừng tổ chức lễ hội", "hoãn hội nghị".
_NEGATED: Final = re.compile(
    r"(?<!\w)(?:ngừng|không|chưa|thay\s{1,3}vì)(?!\w)[^,.;]{0,20}$",
    re.IGNORECASE,
)
_NEGATION_REACH: Final = 30
# Called off: everything the sentence names after it was not held ("dừng tổ chức A và B").
_CALLED_OFF: Final = _Words.of(["dừng", "tạm dừng", "hủy", "huỷ", "hoãn", "không tổ chức"])
# A place named after a happening: "trung tâm hội nghị", "phòng họp báo".
_VENUE: Final = re.compile(
    r"(?<!\w)(?:trung\s{1,3}tâm|hội\s{1,3}trường|(?<!quốc\s)phòng|cung|nhà)\s{1,3}$", re.IGNORECASE
)
# Words that report speech: what follows them is what was said.
_SAID: Final = _Words.of(
    [
        *["cho biết", "cho hay", "cho rằng", "nói", "tuyên bố", "khẳng định", "nhấn mạnh"],
        *["thông báo", "dự báo"],
    ]
)
# A holiday named by its date: "dịp 30/4", "kỳ nghỉ lễ 30/4 và 1/5".
_HOLIDAY: Final = re.compile(r"(?<!\w)(?:dịp|lễ|Tết)\s{1,3}(?:ngày\s{1,3})?$", re.IGNORECASE)
# A happening shown in a clip or photo: the date is the clip's, not the happening's.
_DEPICTED: Final = _Words.of(
    ["clip", "video", "hình ảnh", "bức ảnh", "đoạn phim", "bài viết", "bài đăng"]
)
# A noun head counts this close (in characters) to the date: the length of a long sentence.
_NOUN_REACH: Final = 400
# A verb head counts only this close (in characters) to the date.
_VERB_REACH: Final = 90
# Where a place ends: punctuation, a dash, a date, or a word that starts a new phrase.
_PLACE_END: Final = re.compile(
    r"\s{0,3}(?:[,;:!?()\"“”]|\.(?:\s|$)|\s[\-–]\s|$)"
    r"|\s(?:vào|ngày|hôm|lúc|để|nhằm|với|khi|do|theo|nhưng|đã|sẽ|đang|được|cho|trong|từ|và"
    r"|sáng|trưa|chiều|tối|đêm|rạng|nhân|dịp|trước|sau|thì|là|nơi|mà|tuần|tháng|năm|vẫn|còn"
    r"|cũng|đều|bị|có|không|hiện|rồi|ngay)(?!\w)",
    re.IGNORECASE,
)
_PLACE_WORDS: Final = 9
_PLACE_PARTS: Final = 3
_PLACE_REACH: Final = 200
_SCOPE_SENTENCES: Final = 6
# A place goes on past a comma with the unit that holds it: ", huyện Bình Chánh".
_PLACE_MORE: Final = re.compile(
    r",\s{1,3}(?=(?:tỉnh|thành\s{1,3}phố|TP\.?|quận|huyện|thị\s{1,3}xã|thị\s{1,3}trấn|phường|xã"
    r"|khu\s{1,3}vực|thủ\s{1,3}đô)\s)",
    re.IGNORECASE,
)
_NOT_TAI_BEFORE: Final = re.compile(r"(?:hiện|tồn|tự|đương)\s$", re.IGNORECASE)
_NOT_TAI_AFTER: Final = re.compile(r"(?:sao|chỗ|ngũ|vị|chức|gia|đây|đó|đấy)(?!\w)", re.IGNORECASE)
# Who chairs: "X chủ trì", "X đồng chủ trì", "X điều hành phiên họp", "chủ tọa".
# ("đồng" first where it stands: a word starting with "đồng" is no other one.)
_CHAIR_WORDS: Final = ("chủ trì", "điều hành", "chủ tọa", "chủ toạ")
_CHAIR: Final = _Words.of([*_CHAIR_WORDS, *(f"đồng {word}" for word in _CHAIR_WORDS)])
# Paragraphs that go on listing who attended.
_ATTENDANCE: Final = re.compile(
    r"^(?:Cùng\s{1,3}(?:tham\s{1,3})?dự|Tham\s{1,3}dự|Dự\s|Cùng\s{1,3}đi|Có\s{1,3}mặt|Tham\s{1,3}gia)",
    re.IGNORECASE,
)


# --- provinces ----------------------------------------------------------------------


@cache
def _provinces() -> tuple[dict[str, str], re.Pattern[str]]:
    """Folded name or alias -> canonical name, and a pattern finding any of them.

    The 34 units since July 2025 come from ``provinces.tsv``, the 63 units before
    it, which archived news names, from ``provinces_pre2025.tsv``.  Canonical names
    are the official ones: "Thành phố Hà Nội" for centrally-run cities, the bare
    name ("Nghệ An") for provinces.
    """
    names: dict[str, str] = {}
    written_forms: set[str] = set()
    for _code, name, _kind in rows("provinces.tsv"):
        bare = name.removeprefix("Thành phố ")
        names[fold(bare)] = name
        names[fold(name)] = name
        written_forms.add(bare)
    for name, kind, aliases in rows("provinces_pre2025.tsv"):
        canonical = f"Thành phố {name}" if kind == "thành phố" else name
        for written in (name, *filter(None, aliases.split("|"))):
            names.setdefault(fold(written), canonical)
            written_forms.add(written)
    # Names are matched as capitalised words: "Hòa Bình" the province, not "hòa bình".
    pattern = re.compile(rf"(?<![\w.])(?:{_alternation(sorted(written_forms))})(?![\w])")
    return names, pattern


def province_of(place: str) -> str | None:
    """The province or centrally-run city a place names, by its canonical name, else None.

    >>> province_of("trụ sở Bộ Công an, Hà Nội"), province_of("TP.HCM")
    ('Thành phố Hà Nội', 'Thành phố Hồ Chí Minh')
    >>> province_of("huyện Văn Yên, tỉnh Yên Bái"), province_of("Bắc Kinh")
    ('Yên Bái', None)
    """
    names, pattern = _provinces()
    found = [names.get(fold(m[0])) for m in pattern.finditer(place)]
    found = [name for name in found if name]
    return found[-1] if found else None  # the widest unit is written last


# --- sentences ----------------------------------------------------------------------


class _Sentence(NamedTuple):  # a tuple: made faster than an attrs class, equal alike
    block: TextBlock
    order: int  # the block's place in reading order
    start: int
    end: int
    caption: bool

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


def _sentences(block: TextBlock, order: int) -> Iterator[_Sentence]:
    text = block.text
    in_captions = block.block == "captions"
    start = 0
    for m in _SENTENCE_END.finditer(text):
        at = m.start()
        if text[at] == "." and _SHORT_ABBREV.search(text, max(0, at - 4), at):
            continue  # "TP. Hồ Chí Minh", "Nguyễn Văn H. cho biết"
        last = m.end()
        # The sentence ends with its stop: the match is stops, a quote, then spaces.
        end = at + len(m[0].rstrip())
        yield _Sentence(block, order, start, end, in_captions or _credit_at(text, last))
        start = last
    end = len(text.rstrip())  # the text after the last stop starts with no space
    if end > start:
        yield _Sentence(block, order, start, end, in_captions or _credit_at(text, len(text)))


def _credit_at(text: str, at: int) -> bool:
    """A photo credit follows: the sentence before it is a caption."""
    return _CREDIT.match(text, at) is not None


# --- the extractor ------------------------------------------------------------------


@attrs.define
class _Found:
    """An event being assembled: where its date and head stand, and what it says."""

    when: DateExpression
    kind: str | None
    kind_key: str | None
    strength: str
    location: str | None
    mentions: list[Mention]
    scope: list[_Sentence]


def extract_events(
    blocks: Sequence[TextBlock],
    published: date | datetime | None,
    people: Sequence[Person] = (),
) -> tuple[Event, ...]:
    """The dated happenings in the article's text blocks, in reading order.

    ``published`` resolves dates without a year and relative words ("chiều qua");
    ``people`` (the article's Persons) are linked as chairs and participants when
    they are named in the event's sentence or the sentences that follow it.
    """
    split = _Split(blocks)
    found: list[_Found] = []
    for order, marks in enumerate(_blocks_day_marks(blocks)):
        if marks == []:
            continue  # no day stated: the block is not even split into sentences
        for index, sentence in enumerate(split.sentences(order)):
            until = first = None
            if marks is not None:
                at = bisect_left(marks, sentence.start)
                if at == len(marks):
                    break
                if marks[at] >= sentence.end:
                    continue
                # A dated day's atoms hold a mark: none is read after the last, nor
                # (from a place where reading may resume) before the first.
                until = marks[bisect_left(marks, sentence.end, at) - 1] - sentence.start
                first = marks[at] - sentence.start
            event = _event_in(sentence, published, until, first)
            if event is not None:
                event.scope = _scope(split, order, index)
                found.append(event)
            if marks is not None and marks[-1] < sentence.end:
                break  # the block's last mark is read: its next sentence is not split
    named = _Named(people)
    return tuple(_build(event, named) for event in _merge(found))


class _Split:
    """The blocks' sentences, each block split only as far as asked for."""

    def __init__(self, blocks: Sequence[TextBlock]) -> None:
        self.blocks = blocks
        self._done: dict[int, list[_Sentence]] = {}
        self._rest: dict[int, Iterator[_Sentence]] = {}

    def sentence(self, order: int, index: int) -> _Sentence | None:
        """Sentence ``index`` of block ``order``, None past its last."""
        done = self._done.get(order)
        if done is None:
            done = self._done[order] = []
            self._rest[order] = _sentences(self.blocks[order], order)
        while len(done) <= index:
            rest = self._rest.get(order)
            later = None if rest is None else next(rest, None)
            if later is None:
                self._rest.pop(order, None)
                return None
            done.append(later)
        return done[index]

    def sentences(self, order: int, start: int = 0) -> Iterator[_Sentence]:
        """The sentences of block ``order`` from sentence ``start`` on."""
        index = start
        while (sentence := self.sentence(order, index)) is not None:
            yield sentence
            index += 1

    def after(self, order: int, index: int) -> Iterator[_Sentence]:
        """The sentences after sentence ``index`` of block ``order``, in reading order."""
        yield from self.sentences(order, index + 1)
        for later in range(order + 1, len(self.blocks)):
            yield from self.sentences(later)


def _event_in(
    sentence: _Sentence,
    published: date | datetime | None,
    until: int | None = None,
    first: int | None = None,
) -> _Found | None:
    """The event the sentence tells, if any.

    No dated day starts after ``until`` nor ends before ``first``.
    """
    text = sentence.text
    masked = _QUOTED.sub(lambda m: " " * len(m[0]), text)
    low = lowered(masked)
    word = _HEAD_WORDS.search(masked, low)
    if word is None and not sentence.caption:
        return None  # no word names a happening: whatever its dates, no event
    low_text = low if masked == text else lowered(text)
    dates = [
        when
        for when in expressions_in(text, published, low_text, until, first=first)
        if when.precision == "day" and when.date is not None and not when.lunar
        and not _DOCUMENT_DATE.search(
            text, low_text, max(0, when.start - _DOC_WINDOW), when.start
        )
        and not _HOLIDAY.search(text, max(0, when.start - _NEGATION_REACH), when.start)
    ]  # fmt: skip
    if not dates:
        return None
    called_off = _CALLED_OFF.search(masked, low)
    heads = [
        (m, entry)
        for m in ([] if word is None else _HEAD_WORDS.finditer(masked, low, word.start()))
        if (entry := _HEADS.get(fold(m[0]))) is not None
        and not _NEGATED.search(masked, max(0, m.start() - _NEGATION_REACH), m.start())
        and (called_off is None or called_off.start() > m.start())
        and not (
            entry.strength == "noun"
            and _VENUE.search(masked, max(0, m.start() - _NEGATION_REACH), m.start())
        )
    ]
    said = [m.start() for m in _SAID.finditer(masked, low)]
    starts = [m.start() for m, _ in heads]
    depicted = [m.start() for m in _DEPICTED.finditer(masked, low)]
    best: tuple[tuple[int, int], DateExpression, tuple[re.Match[str], _Head] | None] | None = None
    for when in dates:
        # Only heads near the date: a sentence is short, a hostile line is not.
        near = heads[
            bisect_left(starts, when.start - _NOUN_REACH) : bisect_right(
                starts, when.end + _NOUN_REACH
            )
        ]
        # What someone said after the date is what they said, not what happened then.
        after = bisect_right(said, when.end)
        if after < len(said):
            near = [(m, e) for m, e in near if m.start() < said[after]]
        head = _head_for(depicted, near, when, caption=sentence.caption)
        if head is None and not sentence.caption:
            continue
        score = head[0] if head is not None else (3, 0)
        if best is None or score < best[0]:
            best = (score, when, (head[1], head[2]) if head is not None else None)
    if best is None:
        return None
    _, when, chosen = best
    kind = kind_key = None
    strength = "weak"
    head_end = when.end
    if chosen is not None:
        m, entry = chosen
        kind_key = entry.kind or fold(m[0])
        kind = entry.kind or " ".join(m[0].split()).lower()
        strength = entry.strength
        head_end = m.end()
    block = sentence.block
    return _Found(
        when=when,
        kind=kind,
        kind_key=kind_key,
        strength=strength,
        location=_place(masked, when, head_end),
        mentions=[block.mention(sentence.start + when.start, sentence.start + when.end)],
        scope=[],
    )


_RANK: Final = {"noun": 0, "verb": 1, "weak": 2}


def _head_for(
    depicted: list[int],
    heads: list[tuple[re.Match[str], _Head]],
    when: DateExpression,
    *,
    caption: bool,
) -> tuple[tuple[int, int], re.Match[str], _Head] | None:
    """The word that names the happening: a noun anywhere, else a verb near the date."""
    best: tuple[tuple[int, int], re.Match[str], _Head] | None = None
    for m, entry in heads:
        distance = max(when.start - m.end(), m.start() - when.end, 0)
        if entry.strength == "verb" and distance > _VERB_REACH:
            continue
        if entry.strength == "weak" and not caption:
            continue
        low, high = min(m.end(), when.end), max(m.start(), when.start)
        if bisect_left(depicted, low) < bisect_left(depicted, high):
            continue  # "ngày 3/2, xuất hiện clip ghi lại cảnh vụ tai nạn": the clip's date
        key = (_RANK[entry.strength], distance)
        if best is None or key < best[0]:
            best = (key, m, entry)
    return best


def _place(text: str, when: DateExpression, head_end: int) -> str | None:
    """The place as written after "tại", "ở" or "trên địa bàn", else None.

    A marker after the word that names the happening wins ("triệu tập phiên họp
    khẩn tại quốc hội"); else the first one in the sentence.
    """
    places = []
    for m in _MARKER_RE.finditer(text):
        place = _place_at(text, m, when)
        if place is not None:
            places.append((m.start() < head_end, m.start(), place))
    return min(places)[2] if places else None


def _place_at(text: str, m: re.Match[str], when: DateExpression) -> str | None:
    needs_name = _MARKERS.get(fold(m[0]).rstrip(), True)
    if fold(m[0]).rstrip() == fold("tại") and (
        _NOT_TAI_BEFORE.search(text, max(0, m.start() - 6), m.start())
        or _NOT_TAI_AFTER.match(text, m.end())
    ):
        return None
    start = m.end()
    if when.start <= start < when.end:
        return None
    end = _place_end(text, start)
    for _ in range(_PLACE_PARTS):  # "Khu công nghiệp An Hạ, huyện Bình Chánh"
        more = _PLACE_MORE.match(text, end)
        if more is None:
            break
        end = _place_end(text, more.end())
    if when.start > start:
        end = min(end, when.start)
    place = " ".join(text[start:end].split()[: _PLACE_WORDS * 2]).rstrip(" .,")
    if not place or _HEAD_WORDS.match(place, lowered(place)) or place[0].isdigit():
        return None  # "tại hội nghị": a happening, not a place
    if needs_name and not (place[0].isupper() or fold(place).startswith(_UNITS)):
        return None
    return place


def _place_end(text: str, start: int) -> int:
    end_m = _PLACE_END.search(text, start, start + _PLACE_REACH)
    end = end_m.start() if end_m else len(text)
    words = list(re.finditer(r"\S+", text[start:end]))
    return start + words[_PLACE_WORDS - 1].end() if len(words) > _PLACE_WORDS else end


def _scope(split: _Split, order: int, index: int) -> list[_Sentence]:
    """The event's sentence, the rest of its block, and attendance blocks right after it."""
    first = split.sentence(order, index)
    assert first is not None  # noqa: S101 - the event's own sentence was split
    out = [first]
    for later in islice(split.after(order, index), _SCOPE_SENTENCES):
        last = out[-1]
        if later.block is last.block or (
            later.order == last.order + 1 and _ATTENDANCE.match(later.text) is not None
        ):
            out.append(later)
        else:
            break
    return out


def _merge(found: list[_Found]) -> list[_Found]:
    """One Event per happening: the same day told again, unless at another part of day."""
    out: list[_Found] = []
    by_day: dict[date, list[int]] = {}
    for event in found:
        assert event.when.date is not None  # noqa: S101 - _event_in keeps dated ones only
        day = by_day.setdefault(event.when.date, [])
        at = next((i for i in day if _same_happening(out[i], event)), None)
        if at is None:
            day.append(len(out))
            out.append(event)
            continue
        old = out[at]
        keep, other = (event, old) if _better(event, old) else (old, event)
        mentions, scope = old.mentions, old.scope
        mentions.extend(event.mentions)
        scope.extend(event.scope)
        keep.mentions, keep.scope = mentions, scope
        keep.location = keep.location or other.location
        keep.when = _fuller(keep.when, other.when)
        out[at] = keep
    return out


def _same_happening(a: _Found, b: _Found) -> bool:
    """Same day, and no different parts of day: news tells one happening a day many times."""
    if a.when.date != b.when.date:
        return False
    parts = {a.when.part_of_day, b.when.part_of_day} - {None}
    return len(parts) <= 1


def _better(new: _Found, old: _Found) -> bool:
    new_rank = _RANK[new.strength] if new.kind else 3
    old_rank = _RANK[old.strength] if old.kind else 3
    return new_rank < old_rank


def _fuller(kept: DateExpression, other: DateExpression) -> DateExpression:
    """The kept date, with the part of day and time the other mention adds."""
    return attrs.evolve(
        kept,
        part_of_day=kept.part_of_day or other.part_of_day,
        time=kept.time or other.time,
    )


def _build(event: _Found, people: _Named) -> Event:
    chairs, participants = _attendance(event, people)
    when = event.when
    return Event(
        kind=event.kind,
        date=when.date,
        part_of_day=when.part_of_day,
        time=when.time,
        location=event.location,
        province=province_of(event.location) if event.location else None,
        chairs=chairs,
        participants=participants,
        mentions=tuple(dict.fromkeys(event.mentions)),
    )


def _attendance(event: _Found, people: _Named) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Chairs and participants: the article's people named where the event is told."""
    chairs: list[str] = []
    participants: list[str] = []
    for sentence in dict.fromkeys(event.scope):
        named = people.at(sentence)
        text = sentence.text
        for m in _CHAIR.finditer(text, lowered(text)):
            before = [name for start, name in named if start < m.start()]
            if m[0].lower().startswith("đồng"):
                chairs.extend(before)
            elif before:
                chairs.append(before[-1])
        participants.extend(name for _, name in named)
    chairs = list(dict.fromkeys(chairs))
    others = [name for name in dict.fromkeys(participants) if name not in chairs]
    return tuple(chairs), tuple(others)


class _Named:
    """Where the article's people are named, by block: mentions, else the name itself.

    A person with mentions is named at them only; one without (as callers may pass)
    wherever the name is written.
    """

    def __init__(self, people: Sequence[Person]) -> None:
        self.by_block: dict[tuple[str, int], list[tuple[int, str]]] = {}
        for person in people:
            for m in person.mentions:
                self.by_block.setdefault((m.block, m.index), []).append((m.start, person.name))
        for spots in self.by_block.values():
            spots.sort()
        self.unmentioned = [person.name for person in people if not person.mentions]

    def at(self, sentence: _Sentence) -> list[tuple[int, str]]:
        """(offset in the sentence, name) of everyone named in it, in order."""
        block = sentence.block
        spots = self.by_block.get((block.block, block.index), [])
        low = bisect_left(spots, (sentence.start, ""))
        high = bisect_left(spots, (sentence.end, ""))
        named = [(start - sentence.start, name) for start, name in spots[low:high]]
        text = sentence.text
        for name in self.unmentioned:
            at = text.find(name)
            while at >= 0:
                named.append((at, name))
                at = text.find(name, at + 1)
        named.sort()
        return named
