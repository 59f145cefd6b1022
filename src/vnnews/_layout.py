"""Stage 2: normalised text in, the article's layout out.

Four layouts are recognised by their first lines:

* **dateline** (bocongan.gov.vn and similar): ``Thứ Ba, 12/06/2018, 08:55 [GMT+7]``,
  then the title, then paragraphs separated by blank lines;
* **key-value header** (VnExpress dumps): ``Title: …``, ``Published Date: …`` …
  then ``Content: `` and the body;
* **hash header** (Dân trí dumps): ``# doc_id = …``, ``# url = …``, ``# date = …``,
  then one paragraph per line; a first line is the title only when it
  matches the URL's slug;
* **plain** (Báo Mới dumps and anything else): a headline line, a lead line,
  then the body.

In every layout each non-blank line is a block.  A block printed twice on
consecutive lines is a photo caption (kept once); lines of no letters or digits (a lone
``.``, a no-break space) are layout noise and dropped; closing lines name
the source (``Nguồn: Bộ Công an``, ``Theo TTXVN``, ``(Theo Reuters)``,
``TTXVN``) or the byline (``Phương Thảo``, ``Hiền Minh (Tổng hợp)``); a
one-line body carries them as its last words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Final, NamedTuple

from ._data import rows
from ._dates import parse_dateline
from ._model import ParseWarning
from ._normalize import clean_line, fold

__all__ = ["Layout", "read_layout"]

_HEADER_KEYS: Final = {fold(key): field for key, field in rows("header_keys.tsv")}
_AGENCIES: Final = frozenset(fold(name) for (name,) in rows("agencies.txt"))
_LONGEST_AGENCY: Final = max(map(len, _AGENCIES))
_BYLINE_STOP: Final = frozenset(fold(word) for (word,) in rows("byline_stop.txt"))

_KEY_VALUE: Final = re.compile(r"^(?P<key>[^\W\d_][\w ]{0,30}?)\s*:(?:\s+(?P<value>.*))?$")
# The key starts with a word character: "# = x" has no key (found by fuzzing).
_HASH_HEADER: Final = re.compile(r"^#\s*(?P<key>\w[\w ]{0,29}?)\s*=\s*(?P<value>.*)$")
_SOURCE_LINE: Final = re.compile(
    r"^\(?\s*(?:(?P<nguon>nguồn|source)\s*:|(?P<theo>theo)\b)\s*(?P<name>[^,;:()]{1,80}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
_CREDIT: Final = re.compile(r"\s*\((?P<credit>[^()]{1,60})\)\s*$")
# The most characters a credit takes: "(", 60, ")" and a space on either side.
_CREDIT_SPAN: Final = 64
_CREDIT_LINE: Final = re.compile(
    r"^(?:ảnh|đồ họa|đồ hoạ|video|clip)\s*:\s*\S.{0,60}$", re.IGNORECASE
)
_AUTHOR_SPLIT: Final = re.compile(r"\s*(?:,|;|\s[-–]\s|\svà\s)\s*")
# A character neither in a name (letters) nor in an _AUTHOR_SPLIT separator: a
# text that has one is no list of names, which spares splitting a whole paragraph.
_NOT_IN_BYLINE: Final = re.compile(r"[^\w\s,;\-–]|[\d_]")
_TITLE_SUFFIX: Final = re.compile(r"^(?P<title>.+?)\s+[-–|]\s+(?P<site>[^-–|]{2,40})$")
# A letter or digit: what str.isalnum() accepts (\w less the underscore), in C.
_ALNUM: Final = re.compile(r"[^\W_]")
# How many characters _blocks cuts into lines at a time (then up to the line's end).
_LINES_CHUNK: Final = 1 << 16
_SENTENCE_END: Final = ".!?…"
_CLOSERS: Final = '"”’»)]'
# A run of terminators and closing quotes.
_END_RUN: Final = re.compile(r'[.!?…"”’»)\]]+')
# What a slug drops: anything but an ASCII letter or digit.
_NOT_ASCII_ALNUM: Final = re.compile("[^A-Za-z0-9]+")
_ASCII_NOT_ALNUM: Final = bytes(c for c in range(128) if not chr(c).isalnum())
_URL_ID: Final = re.compile(r"-\d+\.html?$|\.html?$")


class Block(NamedTuple):
    """One placed line: its 1-based line number and cleaned text.

    A named tuple, not an attrs class: there is one for each line of every
    article, and a tuple is built in half the time.
    """

    line: int
    text: str


# Block(line, text) without the generated __new__, a Python function: for each line.
_new_block: Final = tuple.__new__


_LAYOUT_FIELDS: Final = (
    *("title", "published", "lead", "paragraphs", "captions", "source"),
    *("authors", "credits", "url", "tags", "extra", "warnings"),
)


class Layout:
    """What the layout stage found, before any extractor runs.

    A plain class (not attrs): this module is compiled with mypyc, which makes it a
    native class with typed attributes.  Two layouts are equal when their fields are.
    """

    def __init__(self) -> None:
        self.title: str | None = None
        self.published: datetime | date | None = None
        self.lead: str | None = None
        self.paragraphs: list[str] = []
        self.captions: list[str] = []
        self.source: str | None = None
        self.authors: list[str] = []
        self.credits: list[str] = []
        self.url: str | None = None
        self.tags: list[str] = []
        self.extra: list[tuple[str, str]] = []
        self.warnings: list[ParseWarning] = []
        self._author_keys: set[str] = set()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _LAYOUT_FIELDS)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Layout):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable: equal by value, so unhashable

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{n}={v!r}" for n, v in zip(_LAYOUT_FIELDS, self._fields(), strict=True)
        )
        return f"Layout({fields})"

    def add_author(self, name: str) -> None:
        key = fold(name)
        if key not in self._author_keys:
            self._author_keys.add(key)
            self.authors.append(name)

    def add_source(self, name: str) -> None:
        if self.source is None:
            self.source = name
        elif fold(name) != fold(self.source):
            self.credits.append(name)


def read_layout(text: str) -> Layout:
    """Split normalised text into the article's layout fields."""
    blocks = list(_blocks(text))
    out = Layout()
    if not blocks:
        return out
    first = blocks[0]
    header_kv = _KEY_VALUE.match(first.text)
    if header_kv and fold(header_kv["key"]) in _HEADER_KEYS:
        body = _read_key_values(blocks, out)
        _read_body(body, out, title_rule=_no_title)
    elif _HASH_HEADER.match(first.text):
        body = _read_hash_header(blocks, out)
        _read_body(body, out, title_rule=_slug_title(out.url))
    elif (dateline := parse_dateline(first.text)) is not None:
        out.published = dateline.value
        if dateline.problem:
            out.warnings.append(ParseWarning("weekday-mismatch", dateline.problem, first.line))
        _read_body(blocks[1:], out, title_rule=_always_title)
    else:
        _read_body(blocks, out, title_rule=_headline_title)
    return out


def _blocks(text: str, chunk: int = _LINES_CHUNK) -> Iterator[Block]:
    """The lines that hold text, numbered from 1.

    ``str.split`` cuts the lines far faster than a pattern scans them; it cuts a
    chunk of the text at a time, so that the list it builds stays small however
    long the text.  A blank line there is one reference to the shared empty string:
    no string and no Block is built for it, so a million of them cost little.
    """
    number, start, size = 0, 0, len(text)
    while True:
        # The chunk ends at the first line break after ``chunk`` characters.
        end = text.find("\n", start + chunk) if start + chunk < size else -1
        for raw in (text[start:] if end < 0 else text[start:end]).split("\n"):
            number += 1
            if raw:
                line = clean_line(raw)
                if _ALNUM.search(line) is not None:  # no letter or digit: layout noise
                    yield _new_block(Block, (number, line))
        if end < 0:
            return
        start = end + 1


# --- headers ------------------------------------------------------------------


def _read_key_values(blocks: list[Block], out: Layout) -> list[Block]:
    """Consume ``Key: value`` lines up to ``Content:``; return the body blocks.

    A header line that is not ``Key: value`` continues the previous key's value.
    """
    # (key, parts of the value, line); parts are joined once, so that a header
    # continued over many lines takes linear time.
    pending: tuple[str, list[str], int] | None = None
    for index, block in enumerate(blocks):
        m = _KEY_VALUE.match(block.text)
        field = _HEADER_KEYS.get(fold(m["key"])) if m else None
        if m is None or (field is None and pending is not None and not _looks_like_key(m["key"])):
            if pending is None:
                return blocks[index:]
            pending[1].append(block.text)
            continue
        if pending is not None:
            _set_pending(out, pending)
            pending = None
        key, value = m["key"], (m["value"] or "").strip()
        if field == "body":
            rest = blocks[index + 1 :]
            return [Block(block.line, value), *rest] if value else rest
        pending = (key, [value], block.line)
    if pending is not None:
        _set_pending(out, pending)
    return []


def _set_pending(out: Layout, pending: tuple[str, list[str], int]) -> None:
    key, parts, line = pending
    _set_header(out, key, " ".join(parts).strip(), line)


def _looks_like_key(key: str) -> bool:
    """A header key is one to three words, "Published Date" at most."""
    return len(key.split()) <= 3  # noqa: PLR2004


def _read_hash_header(blocks: list[Block], out: Layout) -> list[Block]:
    """Consume ``# key = value`` lines; return the body blocks."""
    for index, block in enumerate(blocks):
        m = _HASH_HEADER.match(block.text)
        if m is None:
            return blocks[index:]
        key, value = m["key"], m["value"].strip()
        if _HEADER_KEYS.get(fold(key)) in {None, "body"} or not value:
            out.extra.append((key, value))
        else:
            _set_header(out, key, value, block.line)
    return []


def _set_header(out: Layout, key: str, value: str, line: int) -> None:
    field = _HEADER_KEYS.get(fold(key))
    if field is None:
        out.extra.append((key, value))
    elif not value:
        return
    elif field == "published":
        dateline = parse_dateline(value)
        if dateline is None:
            out.extra.append((key, value))
            message = f"header {key!r} is not a date this parser reads: {value!r}"
            out.warnings.append(ParseWarning("unreadable-date", message, line))
            return
        out.published = dateline.value
        if dateline.problem:
            out.warnings.append(ParseWarning("weekday-mismatch", dateline.problem, line))
    elif field == "authors":
        if not _read_byline(value, out):
            # The header says this is the author line: keep it as written.
            if _SOURCE_LINE.match(value):
                out.credits.append(value)
            else:
                out.add_author(value)
    elif field == "tags":
        out.tags.extend(tag for tag in (clean_line(t) for t in value.split(",")) if tag)
    elif field == "source":
        out.add_source(value)
    elif field in {"title", "url", "lead"}:
        setattr(out, field, value)


# --- titles -------------------------------------------------------------------

TitleRule = Callable[[list[Block]], bool]


def _no_title(_: list[Block]) -> bool:
    return False


def _always_title(_: list[Block]) -> bool:
    return True


def _headline_title(blocks: list[Block]) -> bool:
    """A first line that reads as a headline: short and not a finished sentence."""
    text = blocks[0].text
    return len(text) <= 300 and text[-1] not in ".,;:"  # noqa: PLR2004


def _slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _NOT_ASCII_ALNUM.sub("", decomposed.casefold())


def _ascii_alnum_count(text: str) -> int:
    """How many ASCII letters and digits ``text`` holds: at most the length of its slug.

    Each of them stays in the slug as one character (the steps of :func:`_slug` only
    add to them, fold their case or drop other characters); property-tested.
    """
    return len(text.encode("ascii", "ignore").translate(None, _ASCII_NOT_ALNUM))


def _slug_title(url: str | None) -> TitleRule:
    """A first line is the title when the article's URL was made from it."""
    if not url:
        return _no_title
    last = _URL_ID.sub("", url.rstrip("/").rsplit("/", 1)[-1])
    wanted = _slug(last)

    def rule(blocks: list[Block]) -> bool:
        text = blocks[0].text
        # A body paragraph holds more ASCII letters and digits than the slug: say no
        # without building its slug (they are all in it, see _ascii_alnum_count).
        return bool(wanted) and _ascii_alnum_count(text) <= len(wanted) and _slug(text) == wanted

    return rule


def _strip_site(title: str, out: Layout) -> str:
    """Drop a ``- VnExpress``-style suffix naming the site or a known agency."""
    m = _TITLE_SUFFIX.match(title)
    if m and (fold(m["site"]) in _AGENCIES or (out.source and fold(m["site"]) == fold(out.source))):
        out.extra.append(("title suffix", m["site"]))
        return m["title"]
    return title


# --- body ---------------------------------------------------------------------


def _read_body(blocks: list[Block], out: Layout, *, title_rule: TitleRule) -> None:
    body = _fold_captions(blocks)
    if out.title is None and body and title_rule([b for b, _ in body]):
        out.title = body.pop(0)[0].text
    if out.title is not None:
        out.title = _strip_site(out.title, out)
    _read_closing(body, out)
    paragraphs = [b.text for b, is_caption in body if not is_caption]
    out.captions.extend(b.text for b, is_caption in body if is_caption)
    if paragraphs and out.lead is None:
        out.lead = paragraphs.pop(0)
    elif paragraphs and out.lead is not None:
        _expand_lead(paragraphs, out)
    out.paragraphs.extend(paragraphs)


def _fold_captions(blocks: list[Block]) -> list[tuple[Block, bool]]:
    """Mark a block printed twice on consecutive lines as a caption, keeping one copy.

    Equal blocks with a blank line between them are not a caption: the lead
    and a first paragraph that repeats it stay what they are.
    """
    body: list[tuple[Block, bool]] = []
    previous_line = 0
    for block in blocks:
        if body and body[-1][0].text == block.text and block.line == previous_line + 1:
            body[-1] = (body[-1][0], True)
        else:
            body.append((block, False))
        previous_line = block.line
    return body


def _expand_lead(paragraphs: list[str], out: Layout) -> None:
    """A header summary cut short with "..." is a sentence of the body: use the whole of it.

    The body usually starts with the summary; a run-in photo caption may come
    first, and then stays a paragraph of its own.
    """
    assert out.lead is not None  # noqa: S101 - the caller checked
    stem = out.lead.rstrip(".… ").rstrip()
    first = paragraphs[0]
    start = first.find(stem) if stem else -1
    if start < 0 or (start > 0 and first[start - 1] != " "):
        return
    end = _sentence_end(first, start + len(stem))
    out.lead = first[start:end].rstrip()
    pieces = [first[:start].strip(), first[end:].strip()]
    paragraphs[:1] = [piece for piece in pieces if piece]


def _sentence_end(text: str, start: int) -> int:
    """Index just past the sentence that contains ``text[start - 1]``.

    The sentence ends with the first run of terminators and closing quotes,
    from ``start``, that holds a terminator and is followed by a space or the
    end.  Each run is looked at once, so a run of a million dots takes linear
    time.
    """
    for m in _END_RUN.finditer(text, start):
        end = m.end()
        if (end == len(text) or text[end] == " ") and m[0].strip(_CLOSERS):
            return end
    return len(text)


# --- closing lines: source, byline, credits -----------------------------------


def _read_closing(body: list[tuple[Block, bool]], out: Layout) -> None:
    """Take source, byline and credit lines off the end of the body."""
    took_any = False
    while body and not body[-1][1]:
        text = body[-1][0].text
        if _read_source_line(text, out) or _read_credit_line(text, out) or _read_byline(text, out):
            body.pop()
            took_any = True
            continue
        break
    if not took_any and body and not body[-1][1]:
        block = body[-1][0]
        kept = _read_tail(block.text, out)
        if kept != block.text:
            if kept:
                body[-1] = (Block(block.line, kept), False)
            else:
                body.pop()


def _read_source_line(text: str, out: Layout) -> bool:
    m = _SOURCE_LINE.match(text)
    if m:
        name = m["name"].strip()
        if m["nguon"] or fold(name) in _AGENCIES or _all_capitalised(name.split()):
            out.add_source(name)
            return True
        return False
    bare = text.rstrip(".").strip()
    if len(bare) <= _LONGEST_AGENCY and fold(bare) in _AGENCIES:
        out.add_source(bare)
        return True
    return False


def _read_credit_line(text: str, out: Layout) -> bool:
    if _CREDIT_LINE.match(text):
        out.credits.append(text)
        return True
    return False


def _read_byline(text: str, out: Layout) -> bool:
    """``Phương Thảo``, ``Nguyễn Tiến (Theo AFP)``, ``(Tổng hợp)``: names and credits."""
    found: list[str] = []
    end = len(text)
    # A credit ends the text: look only at its last characters, and move an index
    # rather than cut copies, so that "(a)(a)(a)…" takes linear time.
    while m := _CREDIT.search(text, max(0, end - _CREDIT_SPAN), end):
        if not (credit := m["credit"].strip()):
            break  # "( )" credits nobody (found by fuzzing)
        found.append(credit)
        end = m.start()
        while end and text[end - 1].isspace():
            end -= 1
    found.reverse()
    rest = text[:end]
    if rest and _NOT_IN_BYLINE.search(rest):
        return False  # a piece would hold a character no name or separator has
    names = _AUTHOR_SPLIT.split(rest) if rest else []
    if not all(_is_name(n) for n in names) or not (names or found):
        return False
    for name in names:
        out.add_author(name)
    out.credits.extend(found)
    return True


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and _all_capitalised(words)  # noqa: PLR2004


def _all_capitalised(words: list[str]) -> bool:
    return bool(words) and all(
        w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words
    )


def _read_tail(text: str, out: Layout) -> str:
    """Closing words run into a one-line body: return what stays in the paragraph."""
    cut = _last_sentence_end(text)
    head, tail = text[:cut].rstrip(), text[cut:].strip()
    if not tail:
        return text
    if _read_source_line(tail, out) or _read_byline(tail, out):
        return head
    # A caption or clip title without a full stop, then the byline: "… gây tai nạn Thanh Thanh".
    words = tail.split()
    for size in (3, 2):
        if len(words) > size + 1:
            run, before = words[-size:], words[-size - 1]
            if (
                _all_capitalised(run)
                and before.islower()
                and before.isalpha()
                and fold(before) not in _BYLINE_STOP
                and fold(" ".join(words[-size - 2 : -size])) not in _BYLINE_STOP
                and not _all_capitalised(words[-size - 1 : -size])
            ):
                out.add_author(" ".join(run))
                return (head + " " + " ".join(words[:-size])).strip()
    return text


def _last_sentence_end(text: str) -> int:
    """Index just past the last sentence terminator (with closing quotes), or 0.

    A text that ends with a terminator has no tail: its length is returned.
    """
    trimmed = text.rstrip(_CLOSERS)
    if trimmed and trimmed[-1] in _SENTENCE_END:
        return len(text)
    last = max(map(text.rfind, _SENTENCE_END))
    if last < 0:
        return 0
    # Something other than a closing quote follows: else the text would end with it.
    return len(text) - len(text[last + 1 :].lstrip(_CLOSERS))
