"""Fast paths of the documents and layout stages checked against the slower originals."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews._documents import (
    _CAPITALISED_NAMED_KIND,
    _ISSUER_STOP,
    _NUMBER_AFTER_WORD_REVERSED,
    _OTHER_DIGIT_BLOCKS,
    _SUBJECT_END,
    _anchors,
    _only_ascii_digits,
)
from vnnews._layout import _ALNUM, Block, _ascii_alnum_count, _blocks, _slug
from vnnews._normalize import clean_line

# --- patterns rewritten to start with one character class ---------------------------

# The originals, as they were before the rewrite: the oracles.
_ISSUER_STOP_SLOW = re.compile(
    r"\s+(?:(?i:về|thực\s+hiện|ban\s+hành|quy\s+định|hướng\s+dẫn|sửa\s+đổi|phê\s+duyệt)|"
    r"ký|với|tại|trong|nói|đã|để|cho|có|được|là|theo|ngày|năm|từ|đến|thì|nhằm|mà|khi|nêu|"
    r"yêu\s+cầu|đang|sẽ|vừa|cũng|không|vẫn|nay|này|đó|gửi|số|trên|dưới|bởi|như|vào|vì|"
    r"thu\s+hồi|công\s+bố|chỉ\s+đạo|đề\s+nghị|xử\s+phạt|tuyên\s+bố|thông\s+qua|giao|"
    r"triển\s+khai|cho\s+phép|thiết\s+kế|soạn\s+thảo|và\s+(?=[a-zđà-ỹ])|hiện)(?![^\W_])"
    r"|\s*[,.;:!?()\[\]“”\"…]"
)
_SUBJECT_END_SLOW = re.compile(r"[;:!?()\[\]“”\"…]|\.(?:\s|$)")

# Pieces the patterns read, mixed with noise, so that hypothesis hits their edges.
# fmt: off
_PIECES = [
    *' \n\t\u00a0,.;:!?()[]“”"…_axĐđ1ắợ',
    "  ", "về", "VỀ", "Về", "ký", "Ký", "và", "hiện", "ban hành", "BAN  HÀNH", "thực\nhiện",
    "yêu cầu", "trong", "số", "ngày", "năm", "giao", "Bộ", "Ban Chấp hành", "khóa",
    "thông qua", "cho phép", "hiệnx", "ký_",
]
# fmt: on
_TEXT = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def _start(m: re.Match[str] | None) -> int | None:
    return None if m is None else m.start()


@settings(max_examples=1500)
@given(_TEXT, st.integers(0, 50), st.integers(0, 200))
def test_issuer_stop_finds_what_the_original_finds(text: str, pos: int, endpos: int) -> None:
    assert _start(_ISSUER_STOP.search(text, pos, endpos)) == _start(
        _ISSUER_STOP_SLOW.search(text, pos, endpos)
    )


@settings(max_examples=1500)
@given(_TEXT, st.integers(0, 50), st.integers(0, 200))
def test_subject_end_finds_what_the_original_finds(text: str, pos: int, endpos: int) -> None:
    assert _start(_SUBJECT_END.search(text, pos, endpos)) == _start(
        _SUBJECT_END_SLOW.search(text, pos, endpos)
    )


# --- layout: lines cut by str.split, a chunk at a time ------------------------------

_NONEMPTY_LINE = re.compile(r"[^\n]+")


def _blocks_slow(text: str) -> list[tuple[int, str]]:
    """The lines as the pattern-scanning original found them: the oracle."""
    out = []
    number, counted = 1, 0
    for m in _NONEMPTY_LINE.finditer(text):
        start = m.start()
        number += text.count("\n", counted, start)
        counted = start
        line = clean_line(m[0])
        if _ALNUM.search(line) is not None:
            out.append((number, line))
    return out


_LINE_TEXT = st.lists(
    st.sampled_from(["\n", "\n\n", " ", "  ", "\t", "\u00a0", ".", "a", "Đ", "1", "_", "x y"])
    | st.text(max_size=4),
    max_size=30,
).map("".join)


@settings(max_examples=1000)
@given(_LINE_TEXT, st.integers(1, 12))
def test_blocks_are_the_lines_the_pattern_finds(text: str, chunk: int) -> None:
    expected = _blocks_slow(text)
    assert [tuple(b) for b in _blocks(text)] == expected
    # Small chunks, so that chunk ends fall everywhere.
    assert [tuple(b) for b in _blocks(text, chunk)] == expected
    assert all(type(b) is Block for b in _blocks(text, chunk))


@settings(max_examples=1000)
@given(st.text() | _LINE_TEXT | st.sampled_from(["Kế hoạch", "Đảng ủy", "ǰ ß ﬃ K İ", "Ǆ"]))
def test_ascii_alnum_count_is_at_most_the_slug_length(text: str) -> None:
    assert _ascii_alnum_count(text) <= len(_slug(text))
    assert _ascii_alnum_count(text) == len(re.findall("[A-Za-z0-9]", text))


# --- documents: anchors found by one pattern per first character -----------------------


def _anchors_slow(joined: str) -> list[tuple[int, int]]:
    """The two scans as they were, each one pattern: the oracle."""
    size = len(joined)
    anchors = [m.span() for m in _CAPITALISED_NAMED_KIND.finditer(joined)]
    anchors += [
        (size - 1 - m.start(), size - m.start())
        for m in _NUMBER_AFTER_WORD_REVERSED.finditer(joined[::-1])
    ]
    return sorted(anchors)


# fmt: off
_ANCHOR_PIECES = [
    *" \n:;.,/-\x00aAxLlNnHhBbPp",
    *"0123456789", "25", "2013", "\u0663", "\uff15", "\U0001d7d3", "\u0e52", "😀",
    "số", "SỐ", "Số", "quyết", "QUYẾT", "định", "tư", "luật", "Luật", "LUẬT", "lệnh",
    "Nghị quyết", "NGHỊ QUYẾT", "Nghị quyết liên tịch", "Hiến pháp", "HIẾN PHÁP",
    "Pháp lệnh", "PHÁP LỆNH", "Bộ luật", "Bộ Luật", "BỘ LUẬT", "Luật Đất đai",
    "Hıến pháp", "Hİến pháp", "Nghị quyết Trung ương 4", "Thông tư", "Chỉ thị",
]
# fmt: on
_ANCHOR_TEXT = st.lists(st.sampled_from(_ANCHOR_PIECES) | st.text(max_size=2), max_size=30).map(
    "".join
)


@settings(max_examples=2000)
@given(_ANCHOR_TEXT)
def test_anchors_are_what_the_two_scans_find(text: str) -> None:
    assert _anchors(text, text[::-1]) == _anchors_slow(text)


def test_anchors_where_capitalised_kinds_overlap() -> None:
    for text in ["HIẾN PHÁP LỆNH số 5", "Bộ Luật Hình sự", "BỘ LUẬT 12", "Hiến Pháp Lệnh"]:
        assert _anchors(text, text[::-1]) == _anchors_slow(text)


def test_other_digit_blocks_are_those_of_unicode() -> None:
    digits = re.compile(r"\d")
    blocks = {cp >> 8 for cp in range(0x80, 0x10000) if digits.match(chr(cp))}
    assert blocks == set(_OTHER_DIGIT_BLOCKS) - set(range(0xD8, 0xDC))
    # Beyond the first 65 536 a digit is coded with a high surrogate, D8-DB.
    assert any(digits.match(chr(cp)) for cp in range(0x10000, 0x110000))


@given(_ANCHOR_TEXT | st.text())
def test_only_ascii_digits_is_never_wrong_when_true(text: str) -> None:
    if _only_ascii_digits(text):
        assert all(c in "0123456789" for c in re.findall(r"\d", text))
    if text.isascii():
        assert _only_ascii_digits(text)
