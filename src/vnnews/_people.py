"""Extractor: the people an article names, with honorific, rank and positions.

A name is read only where the grammar of news puts one (a capitalised word
is not a person by itself):

* right after an address word, a rank or a word such as "bị cáo":
  "ông Nguyễn Văn A", "Thượng tướng Tô Lâm", "cô Hoa", "các đồng chí: A, …; B, …";
* after a position title: "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung" -- the name is
  the end of the run of capitalised words that follows the title, found by its
  family name (places and bodies such as "Hà Nội" or "Israel" are passed over);
* at the start of a clause, before a title: "Andreas Krieg, chuyên gia …".

Titles are read before the name ("Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội
A", "Bí thư Quận ủy kiêm Chủ tịch UBND quận B") and after it (", Chủ tịch …",
" - Chủ tịch …", " (Chủ tịch …)", " giữ chức …").  A title is a head word from
``data/positions.tsv`` and the name of its organisation, which runs on over
capitalised words and the small words of ``data/title_words.tsv`` and stops at
a verb ("… Chủ tịch UBND tỉnh Yên Bái cho biết") or at the next person's name.

Short mentions ("ông Lâm", "Thủ tướng Orban", "Tướng Quyết") are resolved to
the person whose full name ends with them, preferring the latest full mention
before; a short name with an address word and no full name is a person of its
own ("cô Hoa").  A title that repeats a longer one in fewer words ("Bộ trưởng"
after "Bộ trưởng Bộ Công an") adds no position.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, cached_property, lru_cache, partial
from operator import attrgetter
from typing import Any, Final, NamedTuple

from ._blocks import TextBlock  # noqa: TC001 - mypyc reads annotations at run time
from ._data import rows
from ._model import Person, Position
from ._names import (
    family_length,
    folded,
    is_foreign_name,
    is_foreign_word,
    is_strong_surname,
    split_name,
)

__all__ = ["extract_people"]


_fold: Final = folded  # one cache with the names module's


# --- vocabularies -------------------------------------------------------------------


def _rows_of(name: str, kind: str) -> tuple[str, ...]:
    return tuple(row[0] for row in rows(name) if row[1] == kind)


def _swaps() -> dict[str, str]:
    """Vowel pairs written with the old or the new tone placement: "oà" and "òa"."""
    out = {}
    for pair in ("oa", "oe", "uy"):
        for tone in "\u0300\u0301\u0303\u0309\u0323":
            old = pair[0] + unicodedata.normalize("NFC", pair[1] + tone)
            new = unicodedata.normalize("NFC", pair[0] + tone) + pair[1]
            out[old], out[new] = new, old
    return out


_TONE_SWAPS: Final = _swaps()
_SWAPPED_RE: Final = re.compile("|".join(_TONE_SWAPS))


@cache
def _spellings(phrase: str) -> tuple[str, ...]:
    """``phrase`` in lower case, in every tone placement: "hòa bình" and "hoà bình".

    Remembered: the vocabularies are spelt out for several patterns and tables.
    """
    phrase = phrase.lower()
    if _SWAPPED_RE.search(phrase) is None:
        return (phrase,)  # most phrases: no pair to swap, one spelling
    out = [""]
    i = 0
    while i < len(phrase):
        pair = phrase[i : i + 2]
        other = _TONE_SWAPS.get(pair)
        pieces = (pair, other) if other is not None else (phrase[i],)
        out = [done + piece for done in out for piece in pieces]
        i += len(pieces[0])
    return tuple(out)


def _trie(phrases: Iterable[str]) -> str:
    """One pattern for the lower-cased ``phrases``, trying the longest match first.

    The phrases share their prefixes, and the pattern starts with a literal
    letter, which lets the regular expression engine skip ahead fast: patterns of
    a few hundred phrases cost little more than one.  Match it against
    :func:`_lower` text.
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        for spelling in _spellings(phrase):
            node = root
            for char in spelling:
                node = node.setdefault(char, {})
            node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    branches = [
        (char if char.isalnum() else re.escape(char)) + _emit(child)  # letters need no escape
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def _lower(text: str) -> str:
    """``text`` in lower case, letter for letter (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _letters(*, upper: bool) -> str:
    """A character class of the upper- (or lower-) case letters below U+2000.

    Letters in a row are written as a range ("A-Z"): a shorter pattern, compiled sooner.
    """
    case = str.isupper if upper else str.islower
    codes = [c for c in range(0x41, 0x2000) if chr(c).isalpha() and case(chr(c))]
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[{}]".format(
        "".join(
            re.escape(chr(a)) + ("-" if b > a + 1 else "") + (re.escape(chr(b)) if b > a else "")
            for a, b in runs
        )
    )


_UP: Final = _letters(upper=True)
_LOW: Final = _letters(upper=False)

_HONORIFICS: Final = _rows_of("honorifics.tsv", "honorific")
_PLURALS: Final = _rows_of("honorifics.tsv", "plural")
_RANKS: Final = tuple(row[0] for row in rows("ranks.tsv"))
_CAPITAL_HEADS: Final = _rows_of("positions.tsv", "position-capital")
_CAPITAL_HEAD_KEYS: Final = frozenset(_fold(w) for w in _CAPITAL_HEADS)
_POSITION_HEADS: Final = (*_rows_of("positions.tsv", "position"), *_CAPITAL_HEADS)
_DESCRIPTORS: Final = _rows_of("positions.tsv", "descriptor")
_DEPUTY: Final = _rows_of("positions.tsv", "deputy")
_FORMER: Final = frozenset(_fold(w) for w in _rows_of("positions.tsv", "former"))
_QUALIFIERS: Final = (*_rows_of("positions.tsv", "former"), *_rows_of("positions.tsv", "qualifier"))
_CAPITAL_ONLY: Final = frozenset(_fold(w) for w in _QUALIFIERS if w[0].isupper())
_NEW: Final = frozenset(_fold(w) for w in _rows_of("positions.tsv", "new"))
_DESCRIPTOR_KEYS: Final = frozenset(_fold(w) for w in _DESCRIPTORS)
_PLACES: Final = frozenset(_fold(row[0]) for row in rows("places.tsv"))
_PLACE_WORDS: Final = max(len(p.split()) for p in _PLACES)
_AFTER_PLACE: Final = frozenset(_fold(w) for w in _rows_of("title_words.tsv", "place"))

# The patterns below that are built with _trie match lower-cased text (_Block.low).
# Lower-case words (or phrases: "chủ trì", while "Dân chủ" goes on) that end a title.
_STOP_RE: Final = re.compile(rf"{_trie(_rows_of('title_words.tsv', 'stop'))}(?!\w)")
# An address word; "các", "hai" before it and a colon after it open a list.
_PLURAL_KEYS: Final = frozenset(_fold(w.split()[-1]) for w in _PLURALS)
_QUALIFIER_KEYS: Final = frozenset(
    _fold(w.split()[-1]) for w in (*_QUALIFIERS, *_rows_of("positions.tsv", "new"))
)
_PLURAL_BEFORE_RE: Final = re.compile(rf"(?<!\w){_trie(_PLURALS)} $")
# A title head, maybe with "Phó": "Bộ trưởng", "Phó Giám đốc", "bị cáo".
_HEADS: Final = (*_POSITION_HEADS, *_DESCRIPTORS)
_DEPUTY_HEADS: Final = (*_HEADS, *(f"{d} {h}" for d in _DEPUTY for h in _HEADS))
# Every word that may stand before a name, in one pattern (one pass over the text):
# address words, ranks and title heads; _KINDS tells them apart.
# It starts with the character before the word, which lets the engine skip ahead to word
# starts; match it against " " + the lower-cased text.
_TRIGGER_WORD: Final = rf"(?P<word>{_trie((*_HONORIFICS, *_RANKS, *_DEPUTY_HEADS))})(?!\w)"


class _LazyPattern:
    """A pattern compiled when first used: one that the parser does not use (tests do)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``re.finditer`` with this pattern."""
        return self.compiled.finditer(text)


_TRIGGER_RE: Final = _LazyPattern(rf"[\s(“\"'\-–:;,.!?…/]{_TRIGGER_WORD}")
# The same, in two patterns: after a space, and after any other of those characters.  The
# engine skips to a space, one character, much faster than to one of a set; _found merges
# the two.  (The other spaces are those str.isspace knows, which \s means.)
_OTHER_SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
_TRIGGER_AFTER_SPACE_RE: Final = re.compile(rf" {_TRIGGER_WORD}")
_TRIGGER_AFTER_OTHER_RE: Final = re.compile(rf"[{_OTHER_SPACES}(“\"'\-–:;,.!?…/]{_TRIGGER_WORD}")
_KINDS: Final = {
    **{_fold(w): "head" for w in _DEPUTY_HEADS},
    **{_fold(w): "honorific" for w in _HONORIFICS},
    **{_fold(w): "rank" for w in _RANKS},
}
# The same, by the lower-case spelling _TRIGGER_RE matched, with no fold per match;
# a head that names a body only when capitalised ("Công an") is "capital-head".
_SPELLING_KINDS: Final = {
    spelling: (
        "capital-head"
        if _KINDS[_fold(spelling)] == "head" and _fold(spelling) in _CAPITAL_HEAD_KEYS
        else _KINDS[_fold(spelling)]
    )
    for phrase in (*_HONORIFICS, *_RANKS, *_DEPUTY_HEADS)
    for spelling in _spellings(phrase)
}
_DEPUTY_RE: Final = re.compile(rf"{_trie(_DEPUTY)} ")
# Qualifiers before a head: "nguyên", "cựu", "Quyền", and "tân", which is left out.
_QUALIFIERS_BEFORE_RE: Final = re.compile(rf"(?<!\w)(?:{_trie((*_QUALIFIERS, *_NEW))} )+$")
# Lower-case words and phrases that belong inside an organisation's name.
_INSIDE_RE: Final = re.compile(rf"{_trie(_rows_of('title_words.tsv', 'inside'))}(?!\w)")
# The letters these two patterns can start with: a token that starts otherwise needs no try.
_STOP_FIRST: Final = frozenset(
    s[0] for w in _rows_of("title_words.tsv", "stop") for s in _spellings(w)
)
_INSIDE_FIRST: Final = frozenset(
    s[0] for w in _rows_of("title_words.tsv", "inside") for s in _spellings(w)
)
# Words that open an organisation's name: "CA tỉnh Bình Thuận", "Liên đoàn lao động".
_ORG_RE: Final = re.compile(rf"{_trie(_rows_of('title_words.tsv', 'org'))}(?!\w)")
# What joins a title to the name before it: ", ", " - ", " (", " giữ chức ".
_AFTER_RE: Final = re.compile(
    rf"(?P<paren> \()| ?, | [-–] | {_trie(_rows_of('title_words.tsv', 'connector'))} "
)
# Separators between two titles of one person.
_BETWEEN_RE: Final = re.compile(r", (?:kiêm )?| kiêm (?:nhiệm )?| và ")
# "Văn hóa, Thể thao và Du lịch": a list of fields inside one organisation's name.
_LIST_RE: Final = re.compile(rf"(?:[^\s,;.()]+ ){{1,4}}?và {_UP}")

# A capitalised word of a name: "Nguyễn", "Al-Ansari", "al-Nunu", "Jong-un"; an initial "H.".
# A run starts with a capital that follows no word (or a lower-case letter: glued sentences).
# Letters are matched possessively ("++"): giving one back leaves a letter next, where
# the word must end, so the runs are those of plain "+" (test_people_speed checks it).
_WORD: Final = rf"(?:(?:al|el|ad)-)?{_UP}{_LOW}++(?:['’-]\w++)*(?!\w)"
_INITIAL: Final = rf"{_UP}\.(?!\w)"
_PARTICLE: Final = r"(?:von|van|der|de|bin|ibn|da|dos|du|di|del|le|la)"
_RUN_RE: Final = re.compile(
    rf"{_UP}(?:(?<![\w.&/-].)|(?<={_LOW}.)){_LOW}++(?:['’-]\w++)*(?!\w)"
    rf"(?: (?:{_PARTICLE} )?(?:{_WORD}|{_INITIAL}))*(?![\w&])"
)
_TOKEN_RE: Final = re.compile(r"\w+(?:[.&/'’-]\w+)*|\S")
_WORDS_RE: Final = re.compile(r"\w+")
_PARTICLES_RE: Final = re.compile(_PARTICLE)

_NEAR: Final = 100  # characters between a title's head and its name, at most
_NEAR_SHORT: Final = 40  # the same for a short name ("Thủ tướng Hungary Orban")
_BEFORE: Final = 45  # characters a name may stand before its title ("A, chuyên gia …")
_LONGEST_RUN: Final = 80  # characters: a run of capitalised words that starts in a window
_MAX_VIETNAMESE: Final = 4  # syllables of a Vietnamese name
_BRIDGE: Final = 4  # lower-case words a title may run over before a capitalised word
_SENTENCE_END: Final = frozenset(".!?…;:“”\"'(-–")
_CLAUSE_END: Final = _SENTENCE_END | {","}


# --- per block ------------------------------------------------------------------------


# The spellings _TRIGGER_RE matches that fold to a descriptor ("bị cáo"): no fold per head.
_DESCRIPTOR_SPELLINGS: Final = frozenset(
    spelling for spelling in _SPELLING_KINDS if _fold(spelling) in _DESCRIPTOR_KEYS
)


class _Head(NamedTuple):
    """A title head found in a block."""

    start: int  # where the match starts ("nguyên", "Phó" included)
    title: int  # where the title starts ("tân" left out)
    role: int  # where the role starts ("nguyên", "cố" left out)
    end: int  # the end of the head word
    descriptor: bool  # "bị cáo": names a person, no office
    former: bool


class _Title(NamedTuple):
    title: str
    role: str
    organisation: str | None
    former: bool


class _Seen(NamedTuple):
    """A name seen in a block, with what the text says around it."""

    order: tuple[int, int]  # (block number, start): reading order
    block: TextBlock
    start: int
    end: int
    words: tuple[str, ...]
    honorific: str | None
    rank: str | None
    titles: tuple[_Title, ...]
    lone: bool  # a single word that may stand alone as a person ("cô Hoa")


class _Trigger(NamedTuple):
    kind: str  # "honorific", "rank", "descriptor", "title"
    word: str  # as written
    plural: bool


_AFTER_TITLE: Final = _Trigger("title", "", plural=False)  # a name read after its title
_order: Final = attrgetter("order")  # a _Seen's place in reading order, for sorting

# The records above built in C from a tuple of all their fields, in order: the classes'
# own constructors are Python functions, slow on the hot paths (keywords most of all).
_new_head: Final = partial(tuple.__new__, _Head)
_new_seen: Final = partial(tuple.__new__, _Seen)
_new_trigger: Final = partial(tuple.__new__, _Trigger)


# A word _TRIGGER_RE matched in a block: (start, end, the word in lower case).
_Found = tuple[int, int, str]


def _found(lows: Sequence[str]) -> list[list[_Found]]:
    """The words :data:`_TRIGGER_RE` matches in each of the lower-cased blocks ``lows``.

    One pass over the blocks joined by line breaks (a line break, like the space put
    before each block alone, may stand before a word, and no word runs over one).
    """
    out: list[list[_Found]] = [[] for _ in lows]
    k, offset, stop = 0, 1, 1 + len(lows[0]) if lows else 0
    for m in _trigger_matches(" " + "\n".join(lows)):
        at = m.start("word")
        while at > stop:  # in a later block
            k += 1
            offset, stop = stop + 1, stop + 1 + len(lows[k])
        out[k].append((at - offset, m.end() - offset, m.group("word")))
    return out


def _trigger_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_TRIGGER_RE.finditer(text)`` finds, by its two faster patterns.

    The next match is the one of the two patterns' next matches that starts first; one
    that starts inside the match given is looked for again after it.
    """
    space = _TRIGGER_AFTER_SPACE_RE.search(text)
    other = _TRIGGER_AFTER_OTHER_RE.search(text)
    pos = 0
    while True:
        if space is not None and space.start() < pos:
            space = _TRIGGER_AFTER_SPACE_RE.search(text, pos)
        if other is not None and other.start() < pos:
            other = _TRIGGER_AFTER_OTHER_RE.search(text, pos)
        if space is None:
            if other is None:
                return
            m = other
        elif other is None or space.start() < other.start():
            m = space
        else:
            m = other
        yield m
        pos = m.end()


class _Block:
    """One block's text with its heads, address words and ranks, for the scanner."""

    def __init__(
        self, text: str, low: str | None = None, found: Iterable[_Found] | None = None
    ) -> None:
        """Read ``text``; ``low`` and ``found`` are its :func:`_lower` and :func:`_found`."""
        self.text = text
        self.low = low = _lower(text) if low is None else low
        self.heads: list[_Head] = []
        self.triggers: dict[int, tuple[int, _Trigger]] = {}  # end -> (start, trigger)
        for start, end, word in _found([low])[0] if found is None else found:
            kind = _SPELLING_KINDS[word]
            if kind == "capital-head" and not text[start].isupper():
                continue  # "lãnh đạo Công an các cấp": the common noun
            if kind in {"head", "capital-head"}:
                if (head := _head(self, start, end, word)) is not None:
                    self.heads.append(head)
            elif kind == "rank":
                self.triggers[end] = (start, _new_trigger(("rank", text[start:end], False)))
            elif not (text[start].isupper() and " " not in word) or _sentence_start(text, start):
                # "Anh" inside a sentence is England; "Ông" after a full stop is Mr.
                self._honorific(start, end)
        self.head_starts = {h.start: h for h in self.heads}
        self.head_ends = [h.end for h in self.heads]
        for h in self.heads:
            if h.end not in self.triggers:
                kind = "descriptor" if h.descriptor else "title"
                self.triggers[h.end] = (h.start, _new_trigger((kind, text[h.role : h.end], False)))
        self.spans = sorted([(start, end) for end, (start, _) in self.triggers.items()])
        self.span_starts = [start for start, _ in self.spans]  # bisect on these
        self.names: set[int] = set()
        self.extents: dict[tuple[int, int, bool, bool, int], int] = {}  # _extent's answers
        self.name_ends: set[int] = set()

    def _honorific(self, start: int, end: int) -> None:
        plural = None
        if _fold(_word_before(self.low, start)) in _PLURAL_KEYS:
            plural = _PLURAL_BEFORE_RE.search(self.low, max(0, start - 8), start)
        trig = _new_trigger(("honorific", self.text[start:end], plural is not None))
        self.triggers[_colon_end(self.text, end)] = (plural.start() if plural else start, trig)


def _colon_end(text: str, i: int) -> int:
    """Where a colon right after ``i`` ends (" ?:"), else ``i``: "các đồng chí: A, …"."""
    if text.startswith(":", i):
        return i + 1
    return i + 2 if text.startswith(" :", i) else i


def _word_before(text: str, i: int) -> str:
    """The word that ends one space before ``i``, or ""."""
    if i < 2 or text[i - 1] != " ":  # noqa: PLR2004 - a letter and a space
        return ""
    return text[text.rfind(" ", 0, i - 1) + 1 : i - 1].lstrip("(“\"'[")


def _word_start(text: str, i: int) -> bool:
    """True where no letter or digit comes right before, or a glued sentence starts."""
    if i == 0:
        return True
    before = text[i - 1]
    return not (before.isalnum() or before == "_") or (before.islower() and text[i].isupper())


def _head(block: _Block, role: int, end: int, found: str) -> _Head | None:
    """A title head, with the qualifiers written before it ("nguyên", "tân")."""
    text, low = block.text, block.low
    deputy = _DEPUTY_RE.match(low, role)
    # "phó tướng" is a title although "Tướng" alone is not.
    descriptor = not deputy and found in _DESCRIPTOR_SPELLINGS
    start = title = role
    former = False
    quals = None
    if _fold(_word_before(low, role)) in _QUALIFIER_KEYS:
        quals = _QUALIFIERS_BEFORE_RE.search(low, max(0, role - 30), role)
    if quals is not None and not descriptor:
        kept: list[tuple[int, str]] = []
        pos = quals.start()
        for word in text[quals.start() : role].split(" ")[:-1]:
            if _fold(word) in _CAPITAL_ONLY and not word[0].isupper():
                kept = []  # "chính quyền Thủ tướng": no acting Prime Minister
            else:
                kept.append((pos, word))
            pos += len(word) + 1
        if kept:
            start = title = kept[0][0]
            for at, word in kept:
                if _fold(word) in _NEW:  # "tân Bí thư": the office is "Bí thư"
                    title = at + len(word) + 1
                former = former or _fold(word) in _FORMER
    return _new_head((start, title, role, end, descriptor, former))


def _stripped_end(text: str, i: int, chars: str | None = None) -> int:
    """``len(text[:i].rstrip(chars))``, without copying the text before ``i``."""
    i = min(i, len(text))
    if chars is None:
        while i and text[i - 1].isspace():
            i -= 1
    else:
        while i and text[i - 1] in chars:
            i -= 1
    return i


def _two_words_before(text: str, i: int) -> list[str]:
    """``text[:i].rstrip().rsplit(" ", 2)[-2:]``, without copying the text before ``i``."""
    j = _stripped_end(text, i)
    last = text.rfind(" ", 0, j)
    if last < 0:
        return [text[:j]]
    first = text.rfind(" ", 0, last)
    return [text[first + 1 : last], text[last + 1 : j]]


def _sentence_start(text: str, i: int, ends: frozenset[str] = _SENTENCE_END) -> bool:
    """True at the start of a sentence (or clause, with ``ends``).

    Pages that lost their line breaks glue sentences ("… Ảnh: An PhươngÔng Hùng …"):
    a capital right after a lower-case letter starts one too.
    """
    j = _stripped_end(text, i)
    return j == 0 or text[j - 1] in ends or (j == i and text[j - 1].islower())


def _extent(
    block: _Block, pos: int, limit: int, *, to_limit: bool = False, inner: bool = False
) -> int:
    """:func:`_read_extent`, read once per block while the names found stay the same.

    The titles before a name and those after the previous one are often the same
    words ("A, Ủy viên …, Trưởng ban …; B, …"): each is read once.
    """
    if limit <= pos or (limit == pos + 1 and block.text[pos:limit].isspace()):
        return pos  # nothing or a space between a head and a name: no token to read
    key = (pos, limit, to_limit, inner, len(block.names))  # names are only ever added
    end = block.extents.get(key)
    if end is None:
        end = block.extents[key] = _read_extent(block, pos, limit, to_limit=to_limit, inner=inner)
    return end


def _read_extent(  # noqa: PLR0912 - one loop over tokens, one branch per kind of token
    block: _Block, pos: int, limit: int, *, to_limit: bool = False, inner: bool = False
) -> int:
    """Where a title's organisation that starts at ``pos`` ends (at most ``limit``).

    Capitalised words, numbers and acronyms belong to it; lower-case words do
    when data/title_words.tsv lists them, or when a capitalised word follows
    within a few words and none of them is a verb (``to_limit``: when ``limit``
    itself is such a word, the name after a title).
    """
    text, low, end, pending, attach = block.text, block.low, pos, 0, False
    for m in _TOKEN_RE.finditer(text, pos, limit):
        start, stop = m.span()
        if start < pos:
            continue  # inside a phrase or parentheses already read
        first = text[start]
        inside = _INSIDE_RE.match(low, start, limit) if low[start] in _INSIDE_FIRST else None
        if inside is not None:
            end = pos = inside.end()
            pending, attach = 0, False
        elif first.isupper() or (first.isdigit() and not pending):
            if start in block.names or (pending and start in block.head_starts):
                return end
            end = stop
            # "Bộ Chính trị": a Vietnamese capitalised syllable takes the lower-case ones after it.
            pending, attach = 0, first.isupper() and not is_foreign_word(text[start:stop])
        elif first.isalpha():
            stop_word = low[start] in _STOP_FIRST and _STOP_RE.match(low, start)
            if stop_word or (pending and start in block.head_starts):
                return end
            if attach and _ends_word(block, stop, limit):
                end = stop
                attach = False
                continue
            attach = False
            pending += 1
            if pending > _BRIDGE:
                return end
        elif first == "(":
            close = text.find(")", stop, limit)
            if close < 0 or _extent(block, stop, close, inner=True) < close:
                return end
            end = pos = close + 1
            pending = 0
        elif pending:
            # "Bộ Giao thông vận tải, …": lower-case words that no verb interrupted end the title.
            return _stripped_end(text, start) if first in ",;.)" else end
        elif not ((first == "," and _goes_on(block, stop, limit)) or (inner and first in "-–")):
            return end  # (a comma before "Thể thao và Du lịch" goes on: one organisation)
    return limit if pending and to_limit else end


def _ends_word(block: _Block, pos: int, limit: int) -> bool:
    """True when no lower-case word but a verb follows: "Bộ Chính trị,", not "Cả chia sẻ"."""
    after = _TOKEN_RE.search(block.text, pos, limit)
    return (
        after is None
        or not after.group()[0].islower()
        or _STOP_RE.match(block.low, after.start()) is not None
        or _INSIDE_RE.match(block.low, after.start(), limit) is not None
    )


def _goes_on(block: _Block, pos: int, limit: int) -> bool:
    """True when an organisation's name goes on after a comma inside a title.

    It does when a capitalised word follows that starts no new title and no name.
    """
    text = block.text
    after = _TOKEN_RE.search(text, pos, limit)
    if (
        after is None
        or not after.group()[0].isupper()
        or after.start() in block.head_starts
        or after.start() in block.names
    ):
        return False
    if _ORG_RE.match(block.low, after.start(), limit):
        return True
    listed = _LIST_RE.match(text, after.start(), limit)
    return listed is not None and not any(
        _STOP_RE.match(block.low, m.start())
        for m in _WORDS_RE.finditer(text, listed.start(), listed.end() - len(" và X"))
    )


def _title(block: _Block, head: _Head, end: int) -> _Title:
    return _title_of(
        block.text[head.title : end],
        head.role - head.title,
        head.end - head.title,
        former=head.former,
    )


@lru_cache(maxsize=1 << 14)
def _title_of(written: str, role: int, end: int, *, former: bool) -> _Title:
    """The title ``written`` from its start, its head at ``written[role:end]``."""
    title = written.rstrip(" ,;:-–")
    rest = title[end:].strip(" ,")
    organisation = rest if any(ch.isupper() for ch in rest) else None
    return _Title(
        " ".join(title.split()), " ".join(written[role:end].split()), organisation, former
    )


def _titles_before(block: _Block, start: int) -> tuple[list[_Title], int] | None:
    """The titles written right before a name at ``start``, and where the first begins."""
    k = bisect.bisect_right(block.head_ends, start) - 1
    if k < 0:
        return None
    head = block.heads[k]
    if head.descriptor:
        return None
    end = _extent(block, head.end, start, to_limit=True)
    if block.text[end:start].strip(" ,"):
        return None
    chain = [(head, end)]
    while k > 0:
        k -= 1
        prev, (cur, cur_end) = block.heads[k], chain[-1]
        if prev.descriptor or prev.end > cur.start:
            break
        stop = _extent(block, prev.end, cur.start)
        gap = block.text[stop : cur.start]
        if not gap.strip():  # "Trưởng ban Công tác đại biểu …": one title
            chain[-1] = (prev, cur_end)
        elif _BETWEEN_RE.fullmatch(gap.lower()):
            # A head inside an earlier title ("Bí thư" in "Ủy viên Ban Bí thư") is part of it.
            while k > 0 and _joins(block, block.heads[k - 1], prev):
                k -= 1
                prev = block.heads[k]
            if not _opens(block, prev, gap):
                break
            chain.append((prev, stop))
        else:
            break
    first = chain[-1][0].start
    if _stripped_end(block.text, first, " ,-–") in block.name_ends:
        # "ông A - Giám đốc X, Trưởng ban Y B": only the last title is B's, the others A's.
        chain = chain[:1]
    titles = [_title(block, h, e) for h, e in reversed(chain)]
    return titles, chain[-1][0].start


def _joins(block: _Block, before: _Head, head: _Head) -> bool:
    """True when ``head`` is a word of the organisation of the title at ``before``."""
    return (
        not before.descriptor
        and before.end <= head.start
        and not block.text[_extent(block, before.end, head.start) : head.start].strip()
    )


def _opens(block: _Block, head: _Head, gap: str) -> bool:
    """True when a title before another one is the same person's.

    It is after "kiêm", and after a comma when it opens a clause or follows an
    address word or rank ("Khi …, Ủy viên Bộ Chính trị, Bí thư …") -- not in
    "của Thủ tướng Chính phủ, Phó Thủ tướng A".
    """
    if "kiêm" in gap.casefold():
        return True
    got = block.triggers.get(head.start - 1)
    return _sentence_start(block.text, head.start, _CLAUSE_END) or (
        got is not None and got[1].kind in {"honorific", "rank"}
    )


def _titles_after(block: _Block, end: int) -> list[_Title]:
    """The titles written right after a name that ends at ``end``."""
    text = block.text
    m = _AFTER_RE.match(block.low, end)
    if m is None:
        return []
    if m["paren"]:
        head = block.head_starts.get(m.end())
        close = text.find(")", m.end())
        if head is None or head.descriptor or close < 0:
            return []
        stop = _extent(block, head.end, close, inner=True)
        return [_title(block, head, stop)] if stop == close else []
    out, pos = [], m.end()
    while (head := block.head_starts.get(pos)) is not None and not head.descriptor:
        stop = _extent(block, head.end, len(text))
        if _runs_into_name(block, stop):
            break  # "…, Trưởng ban X Nguyễn Thị Thanh": that title is hers
        out.append(_title(block, head, stop))
        between = _BETWEEN_RE.match(block.low, stop)
        if between is None:
            break
        pos = between.end()
    return out


def _runs_into_name(block: _Block, pos: int) -> bool:
    """True when a name follows ``pos`` after at most a few lower-case words."""
    for count, m in enumerate(_TOKEN_RE.finditer(block.text, pos)):
        token = m.group()
        if m.start() in block.names:
            return True
        if count > _BRIDGE or not token[0].isalpha() or not token[0].islower():
            return False
        if _STOP_RE.match(block.low, m.start()):
            return False
    return False


def _strip_places(words: Sequence[str], i: int) -> int:
    """The index after the place names that start ``words[i:]`` ("Hà Nội", "Israel")."""
    while i < len(words):
        for k in range(min(_PLACE_WORDS, len(words) - i), 0, -1):
            if _fold(" ".join(words[i : i + k])) in _PLACES:
                i += k
                break
        else:
            return i
    return i


@lru_cache(maxsize=1 << 14)
def _after_place(*before: str) -> bool:
    """True when the (one or two) words before a run end in a place word: "nước"."""
    return _fold(" ".join(before)) in _AFTER_PLACE or _fold(before[-1]) in _AFTER_PLACE


@lru_cache(maxsize=1 << 14)
def _pick(words: tuple[str, ...], first: int) -> int | None:
    """Where the name starts in a run of capitalised ``words`` after a title, if anywhere.

    The run may begin with the organisation ("UBND TP Hà Nội Nguyễn Đức Chung"
    gives the words "Hà Nội Nguyễn Đức Chung"); a Vietnamese name is found by its
    family name, a foreign one is the last two words ("Taher al-Nunu").
    """
    first = max(first, _strip_places(words, 0))
    n = len(words)
    if n - first == 1:
        return first
    found = [
        i
        for i in range(first, n - 1)
        if n - i <= _MAX_VIETNAMESE
        and family_length(words[i:])
        and not any(is_foreign_word(w) for w in words[i + 1 :])  # not "Âu Charles Michel"
    ]
    if found:
        best = found[0]
        if not is_strong_surname(words[best]):
            best = next((i for i in found if is_strong_surname(words[i])), best)
        return best
    tail = [i for i in range(first, n) if not _PARTICLES_RE.fullmatch(words[i])]
    if not tail or not is_foreign_name(words[tail[0] :]):
        return None
    return tail[-2] if len(tail) >= 2 else tail[-1]  # noqa: PLR2004 - first and last name


def _has_org(block: _Block, start: int, words: Sequence[str], i: int) -> bool:
    """True when an organisation's name of two words or more starts inside the name.

    "Ủy viên Đoàn Mặt trận …" names no "Đoàn Mặt".
    """
    pos = start + len(" ".join(words[:i])) + (1 if i else 0)
    for word in words[i:]:
        m = _ORG_RE.match(block.low, pos)
        if m is not None and " " in m.group():
            return True
        pos += len(word) + 1
    return False


def _valid(words: Sequence[str]) -> bool:
    """Not initials only ("N.V.A.", "Đ."), and an initial only at the end ("Nguyễn Văn H.")."""
    # The words have no space in them: one before the last ends with "." where ". " is.
    return not words[0].endswith(".") and ". " not in " ".join(words)


class _Scan:
    """The names of one block, found in two passes: where the names are, then their titles."""

    def __init__(self, number: int, block: TextBlock, read: _Block | None = None) -> None:
        self.number = number
        self.source = block
        self.block = _Block(block.text) if read is None else read
        self.found: list[tuple[int, int, _Trigger | None]] = []  # (start, end, trigger)

    def run(self) -> list[_Seen]:
        block = self.block
        text, names, name_ends = block.text, block.names, block.name_ends
        if not block.spans:
            return []  # no address word, rank or title: no name
        plural_until = -1
        plural_word: str | None = None
        for at, stop in self._runs():
            if text.find(" ", at, stop) < 0 and not self._maybe_short(at):
                continue  # "Theo", "Trong", "Bộ": one word far from any title or address word
            start, end, trigger = self._bounds(at, stop)
            if start >= end:
                continue
            found: tuple[int, int, _Trigger | None] | None = None
            if trigger is None and plural_word is not None and start < plural_until:
                found = self._listed(start, end, plural_word)
            found = found or self._name(start, end, trigger)
            if found is None:
                continue
            self.found.append(found)
            name_start, name_end, trig = found
            if trig is None or trig.kind != "title" or text.find(" ", name_start, name_end) >= 0:
                names.add(name_start)  # not "Trung" in "Ủy viên Trung ương Đảng"
                name_ends.add(name_end)
            if trig is not None and trig.plural:
                plural_word = trig.word
                full_stop = text.find(".", name_end)
                plural_until = len(text) if full_stop < 0 else full_stop
        return [self._seen(*f) for f in self.found]

    def _bounds(self, start: int, end: int) -> tuple[int, int, _Trigger | None]:
        """A run, trimmed: with the trigger at its start left out and given back.

        The start moves past an address word, rank or head ("Ông", "Tướng"); the
        end comes before one inside the run ("… Nhân Chủ tịch").  One bisect serves both.
        """
        block, trigger = self.block, None
        spans = block.spans
        while True:  # "Ông Chủ tịch …": an address word, then a head
            k = bisect.bisect_right(block.span_starts, start)  # spans[k - 1] starts <= start
            if k == 0 or start >= spans[k - 1][1]:
                break
            trigger = block.triggers[spans[k - 1][1]][1]
            start = spans[k - 1][1] + 1
        if k < len(spans) and spans[k][0] < end:
            end = _stripped_end(block.text, spans[k][0])
        return start, end, trigger

    def _name(
        self, start: int, end: int, trigger: _Trigger | None
    ) -> tuple[int, int, _Trigger | None] | None:
        text = self.block.text
        if trigger is None and start and text[start - 1] == " ":  # a trigger one space before
            got = self.block.triggers.get(start - 1)
            trigger = None if got is None else got[1]
        if trigger is None and not self._near_title(start, end):
            return None  # most runs: "Theo", "Hà Nội", "Nghị quyết" - no title near
        words = text[start:end].split(" ")
        if trigger is not None and trigger.kind != "title":
            skip = _strip_places(words, 0) if trigger.kind == "descriptor" else 0
            if skip:  # "người đồng cấp Thụy Điển Ulf Kristersson"
                start += len(" ".join(words[:skip])) + 1
                words = words[skip:]
            words = words[:_MAX_VIETNAMESE]
            if not words or not _valid(words):
                return None
            return start, start + len(" ".join(words)), trigger
        # not "nước" in "Chủ tịch nước Nguyễn Mai"
        place = trigger is None and _after_place(*_two_words_before(text, start))
        i = _pick(tuple(words), 1 if place else 0)
        if i is None or not _valid(words[i:]) or _has_org(self.block, start, words, i):
            return None
        name_start = start + len(" ".join(words[:i])) + (1 if i else 0)
        if _titles_before_ok(self.block, name_start):
            lone_ok = len(words) - i > 1 or _lone_after_title(self.block, words[i], end)
            return (name_start, end, _AFTER_TITLE) if lone_ok else None
        if (
            len(words) - i >= 2  # noqa: PLR2004 - a full name
            and _sentence_start(text, start, _CLAUSE_END)
            and _fold(" ".join(words[i:])) not in _PLACES
            and (after := _AFTER_RE.match(self.block.low, end)) is not None
            and (head := self.block.head_starts.get(after.end())) is not None
            and not head.descriptor
        ):
            return name_start, end, None
        return None

    def _runs(self) -> Iterator[tuple[int, int]]:
        """The runs of capitalised words near an address word, rank or title: their spans."""
        text, block = self.block.text, self.block
        windows = sorted(
            [(end, end + _NEAR) for _, end in block.spans]
            + [(max(0, h.start - _BEFORE), h.start) for h in block.heads]
        )
        last = 0
        for start, stop in windows:
            if stop <= last:
                continue
            for m in _RUN_RE.finditer(text, max(start, last), stop + _LONGEST_RUN):
                at, end = m.span()
                if at >= stop:
                    break
                last = end
                yield at, end
            last = max(last, stop)

    def _maybe_short(self, start: int) -> bool:
        """True when a one-word run may be a name: "ông Lâm", "Thủ tướng Hungary Orban"."""
        block = self.block
        if start - 1 in block.triggers:
            return True
        k = bisect.bisect_right(block.span_starts, start) - 1
        return bool(k >= 0 and block.spans[k][1] > start - _NEAR_SHORT)

    def _near_title(self, start: int, end: int) -> bool:
        """True when a title ends a little before the run, or starts right after it."""
        block = self.block
        k = bisect.bisect_right(block.head_ends, start) - 1
        if k >= 0 and start - block.head_ends[k] <= _NEAR:
            return True
        after = _AFTER_RE.match(block.low, end)
        return after is not None and after.end() in block.head_starts

    def _listed(self, start: int, end: int, word: str) -> tuple[int, int, _Trigger] | None:
        """A name in a list opened by "các đồng chí:" ("…; Nguyễn Trọng Thừa, …")."""
        words = self.block.text[start:end].split(" ")
        if (
            2 <= len(words) <= _MAX_VIETNAMESE  # noqa: PLR2004 - a full name
            and family_length(words)
            and _sentence_start(self.block.text, start, _CLAUSE_END)
        ):
            return start, end, _Trigger("honorific", word, plural=True)
        return None

    def _seen(self, start: int, end: int, trigger: _Trigger | None) -> _Seen:
        block = self.block
        honorific = rank = None
        titles: list[_Title] = []
        if trigger is not None and trigger.kind == "honorific":
            honorific = trigger.word
        elif trigger is not None and trigger.kind == "rank":
            rank = trigger.word
        elif trigger is not None and trigger.kind == "title":
            before = _titles_before(block, start)
            if before is not None:
                titles, first = before
                if (got := block.triggers.get(first - 1)) is not None:
                    kind, word = got[1].kind, got[1].word
                    honorific = word if kind == "honorific" else None
                    rank = word if kind == "rank" else None
        titles += _titles_after(block, end)
        words = tuple(block.text[start:end].split(" "))
        lone = trigger is not None and trigger.kind in {"honorific", "rank"}
        return _new_seen(
            (
                (self.number, start),
                self.source,
                start,
                end,
                words,
                honorific,
                rank,
                tuple(titles),
                lone,
            )
        )


def _titles_before_ok(block: _Block, start: int) -> bool:
    k = bisect.bisect_right(block.head_ends, start) - 1
    if k < 0 or block.heads[k].descriptor:
        return False
    head = block.heads[k]
    return not block.text[_extent(block, head.end, start, to_limit=True) : start].strip(" ,")


def _lone_after_title(block: _Block, word: str, end: int) -> bool:
    """True when a single word after a title may be a name.

    It may when foreign ("Thủ tướng Orban") or followed by a verb or a stop
    ("Bộ trưởng Lâm phát biểu"), not in an organisation ("Thủ tướng Chính phủ").
    """
    if is_foreign_word(word) and _fold(word) not in _PLACES:
        return True
    nxt = _TOKEN_RE.search(block.text, end)
    return (
        nxt is None
        or not nxt.group()[0].isalpha()
        or _STOP_RE.match(block.low, nxt.start()) is not None
    )


# --- the article ----------------------------------------------------------------------


class _Someone:
    """What is known of one person while the article is read."""

    def __init__(self, seen: _Seen, key: tuple[str, ...] | None = None) -> None:
        """One person, first seen at ``seen``; ``key`` is :func:`_key` of its words."""
        self.name = " ".join(seen.words)
        self.key = _key(seen.words) if key is None else key
        self.seen: list[_Seen] = [seen]
        self.short: list[_Seen] = []

    def person(self) -> Person:
        full = self.seen
        honorific = next((s.honorific for s in full if s.honorific), None)
        if honorific is None and not full:
            honorific = next((s.honorific for s in self.short if s.honorific), None)
        rank = next((s.rank for s in (*full, *self.short) if s.rank), None)
        every = sorted((*full, *self.short), key=_order)
        mentions = {s.order: s.block.mention(s.start, s.end) for s in every}
        titles = [t for s in every for t in s.titles]
        family, middle, given = split_name(self.name)
        return Person(
            name=self.name,
            honorific=honorific,
            rank=rank,
            positions=tuple(map(_position, _merge_titles(titles))),
            family=family,
            middle=middle,
            given=given,
            mentions=tuple(mentions.values()),
        )

    def first(self) -> tuple[int, int]:
        return min(s.order for s in (*self.seen, *self.short))


@lru_cache(maxsize=1 << 14)
def _position(title: _Title) -> Position:
    """The record of a title (records are frozen: one serves every equal title)."""
    return Position(
        title=title.title, role=title.role, organisation=title.organisation, former=title.former
    )


@cache
def _title_words(title: str) -> tuple[str, ...]:
    return tuple(map(_fold, _WORDS_RE.findall(title)))


@lru_cache(maxsize=1 << 14)
def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``short`` is ``long`` with some words left out."""
    it = iter(long)
    return all(word in it for word in short)


def _merge_titles(titles: Iterable[_Title]) -> list[_Title]:
    """Titles in order, less those that repeat a longer one in fewer words."""
    out: list[_Title] = []
    for title in titles:
        words = _title_words(title.title)
        for k, kept in enumerate(out):
            kept_words = _title_words(kept.title)
            if words == kept_words:
                if len(title.title) > len(kept.title):
                    out[k] = title  # the same words, better punctuated
                break
            if _within(words, kept_words):
                break
            if _within(kept_words, words):
                out[k] = title
                out[k + 1 :] = [
                    t for t in out[k + 1 :] if not _within(_title_words(t.title), words)
                ]
                break
        else:
            out.append(title)
    return out


class _Known:
    """The people with a full name, by the ends of their names and by their first word.

    A short mention is looked up, not compared with every person: an article that
    names many people costs no more per mention than one that names few.
    """

    def __init__(self, people: Iterable[_Someone]) -> None:
        self.by_end: dict[tuple[str, ...], list[_Someone]] = {}
        self.by_first: dict[str, list[_Someone]] = {}
        self.orders: dict[_Someone, list[tuple[int, int]]] = {}  # sorted
        for p in people:
            for n in range(1, len(p.key)):
                self.by_end.setdefault(p.key[-n:], []).append(p)
            if len(p.key) > 1:
                self.by_first.setdefault(p.key[0], []).append(p)
            self.orders[p] = sorted(s.order for s in p.seen)

    def resolve(self, short: _Seen) -> _Someone | None:
        """The person a short mention names: the latest full mention before it, else the next."""
        key = tuple(map(_fold, short.words))
        matches = self.by_end.get(key, [])
        if not matches and len(key) == 1 and is_foreign_word(short.words[0]):
            # Foreign names are also shortened to the first: "Đô đốc Yudo" for Yudo Margono.
            matches = self.by_first.get(key[0], [])
        if not matches:
            return None
        before = []
        for p in matches:
            if p.seen[0].order < short.order:
                orders = self.orders[p]
                before.append((orders[bisect.bisect_left(orders, short.order) - 1], p))
        if before:
            return max(before, key=lambda pair: pair[0])[1]
        return min(matches, key=lambda p: p.seen[0].order)


def _key(words: Iterable[str]) -> tuple[str, ...]:
    """A name's key: its words folded."""
    return tuple(map(_fold, words))


def _is_full(seen: _Seen) -> bool:
    return len(seen.words) >= 2  # noqa: PLR2004 - family and given name at least


def extract_people(blocks: Sequence[TextBlock]) -> tuple[Person, ...]:
    """The real people an article's blocks name, in order of first mention.

    >>> from vnnews._blocks import text_blocks
    >>> text = "Bộ trưởng Bộ Công an Tô Lâm làm việc. Bộ trưởng Lâm nhấn mạnh."
    >>> [person] = extract_people(text_blocks(None, text, (), ()))
    >>> person.name, [p.title for p in person.positions], len(person.mentions)
    ('Tô Lâm', ['Bộ trưởng Bộ Công an'], 2)
    """
    lows = [_lower(block.text) for block in blocks]
    seen = [
        s
        for number, (block, low, found) in enumerate(zip(blocks, lows, _found(lows), strict=True))
        if found  # no address word, rank or title: no name
        for s in _Scan(number, block, _Block(block.text, low, found)).run()
    ]
    people: dict[tuple[str, ...], _Someone] = {}
    fulls = [s for s in seen if _is_full(s)]
    keys = [_key(s.words) for s in fulls]
    # A two-word name that ends a longer one is a short mention ("bà Kim Ngân").
    ends = {k[-n:] for k in set(keys) for n in range(1, len(k))}
    shorts = [s for s in seen if not _is_full(s)]
    for s, key in zip(fulls, keys, strict=True):
        if key in ends:
            shorts.append(s)
            continue
        if key in people:
            people[key].seen.append(s)
        else:
            people[key] = _Someone(s, key)
    _merge_run_on(people)
    known = _Known(people.values())
    for s in sorted(shorts, key=_order):
        who = known.resolve(s)
        if who is not None:
            who.short.append(s)
        elif s.lone and len(s.words) == 1 and not s.words[0].endswith("."):
            key = tuple(map(_fold, s.words))
            if key not in people:
                people[key] = _Someone(s)
                people[key].seen.clear()
                people[key].short.append(s)
            else:
                people[key].short.append(s)
    _plain_mentions(blocks, people)
    ordered = sorted(people.values(), key=_Someone.first)
    return tuple(p.person() for p in ordered)


def _merge_run_on(people: dict[tuple[str, ...], _Someone]) -> None:
    """A name with one word too many is the shorter one ("ông Đậu Ngọc Bái Thông báo")."""
    for key in [k for k in people if len(k) > 3 and k[:-1] in people]:  # noqa: PLR2004
        into = people[key[:-1]]
        for s in people.pop(key).seen:
            end = s.start + len(" ".join(s.words[:-1]))
            into.seen.append(s._replace(end=end, words=s.words[:-1]))
        into.seen.sort(key=_order)


def _plain_mentions(blocks: Sequence[TextBlock], people: dict[tuple[str, ...], _Someone]) -> None:
    """Record the full names written again without any title or address word.

    The names are looked for in the blocks joined by line breaks, which no name holds:
    an occurrence is in one block, each name is looked for once (not once a block), and
    the sort at the end puts each person's mentions back in reading order.
    """
    fulls = {p.name: p for p in people.values() if p.seen}
    if not fulls:
        return
    known = {(s.order, s.end) for p in people.values() for s in (*p.seen, *p.short)}
    texts = [block.text for block in blocks]
    joined = "\n".join(texts)
    starts = list(itertools.accumulate([len(text) + 1 for text in texts[:-1]], initial=0))
    work = len(fulls) * (len(joined) - len(texts) + 1)  # the characters of the blocks
    finder = _Finder(fulls) if work > _FIND_EACH_MAX else None
    for name, where in _find_each(joined, fulls) if finder is None else finder.occurrences(joined):
        number = bisect.bisect_right(starts, where) - 1
        text, at = texts[number], where - starts[number]
        end = at + len(name)
        fresh = ((number, at), end) not in known
        if fresh and _word_start(text, at) and not text[end : end + 1].isalnum():
            fulls[name].seen.append(_plain(number, blocks[number], at, end))
    for someone in fulls.values():
        someone.seen.sort(key=_order)


# Names x characters up to which each name is looked for in each block (str.find is
# fast); beyond, one pattern finds them all (a few big articles: no quadratic time).
_FIND_EACH_MAX: Final = 1 << 20


def _find_each(text: str, names: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Each name's occurrences in ``text`` that do not overlap, name after name."""
    for name in names:
        at = text.find(name)
        while at >= 0:
            yield name, at
            at = text.find(name, at + len(name))


class _Finder:
    """:func:`_find_each` for many names: one pattern finds where any name starts."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = {name: k for k, name in enumerate(names)}  # name -> its rank
        self.lengths = sorted({len(n) for n in self.names})
        root: dict[str, Any] = {}
        for name in self.names:  # one trie: no name tried after another at each place
            node = root
            for char in name:
                node = node.setdefault(char, {})
            node[""] = {}
        self.pattern = re.compile(_emit(root))

    def occurrences(self, text: str) -> Iterator[tuple[str, int]]:
        """What :func:`_find_each` yields for ``text`` and the names given at creation."""
        at: dict[str, list[int]] = {}
        m = self.pattern.search(text)
        while m is not None:
            start = m.start()
            for n in self.lengths:
                if (name := text[start : start + n]) in self.names:
                    starts = at.setdefault(name, [])
                    if not starts or start >= starts[-1] + n:  # not overlapping the last
                        starts.append(start)
            m = self.pattern.search(text, start + 1)
        for name in sorted(at, key=self.names.__getitem__):  # only the names found
            for start in at[name]:
                yield name, start


def _plain(number: int, block: TextBlock, start: int, end: int) -> _Seen:
    words = tuple(block.text[start:end].split(" "))
    return _new_seen(((number, start), block, start, end, words, None, None, (), False))
