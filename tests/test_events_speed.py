"""Events and dates: each fast path finds what the plain reading it replaced finds."""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from test_events import plain_events
from vnnews import Person, _dates, _events
from vnnews._blocks import TextBlock
from vnnews._data import rows
from vnnews._dates import VIETNAM, lowered, word_pattern
from vnnews._events import extract_events

# --- whole words, one branch per first character ---------------------------------------

_WORD_LISTS = {
    "heads": [phrase for phrase, *_ in rows("event_kinds.tsv")],
    "called off": ["dừng", "tạm dừng", "hủy", "huỷ", "hoãn", "không tổ chức"],
    "said": [
        *["cho biết", "cho hay", "cho rằng", "nói", "tuyên bố", "khẳng định", "nhấn mạnh"],
        *["thông báo", "dự báo"],
    ],
    "depicted": ["clip", "video", "hình ảnh", "bức ảnh", "đoạn phim", "bài viết", "bài đăng"],
}
_WORD_LISTS["chair"] = [
    *(chair := ["chủ trì", "điều hành", "chủ tọa", "chủ toạ"]),
    *(f"đồng {word}" for word in chair),
]
_WORDS = {
    "heads": _events._HEAD_WORDS,  # noqa: SLF001
    "called off": _events._CALLED_OFF,  # noqa: SLF001
    "said": _events._SAID,  # noqa: SLF001
    "depicted": _events._DEPICTED,  # noqa: SLF001
    "chair": _events._CHAIR,  # noqa: SLF001
}


@st.composite
def _word_text(draw: st.DrawFn, words: list[str]) -> str:
    """Words of the list, cut and glued, among letters, digits and spaces."""
    parts = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(lambda w: w[1:]),
        st.sampled_from(words).map(lambda w: w[:-1]),
        st.text(alphabet="ahđ5_ \t\u00a0-.,", max_size=3),
    )
    return draw(st.lists(parts, max_size=12).map("".join))


@pytest.mark.parametrize("name", list(_WORDS))
@given(data=st.data())
def test_words_by_first_character_find_what_one_alternation_finds(
    name: str, data: st.DataObject
) -> None:
    words = [w.lower() for w in _WORD_LISTS[name]]
    plain = re.compile(rf"(?<!\w)(?:{word_pattern(words)})(?!\w)")
    text = data.draw(_word_text(words)).lower()
    low = lowered(text)
    assert low is not None
    found = [m.span() for m in _WORDS[name].finditer(text, low)]
    assert found == [m.span() for m in plain.finditer(text)]


# The chair pattern as first written, any case.
_FIRST_CHAIR = re.compile(
    r"(?<!\w)(?:đồng\s{1,3})?(?:chủ\s{1,3}trì|điều\s{1,3}hành|chủ\s{1,3}tọa|chủ\s{1,3}toạ)(?!\w)",
    re.IGNORECASE,
)


@given(
    st.lists(
        st.sampled_from(["Đồng", "đồng", "chủ", "Chủ", "trì", "TRÌ", "điều", "hành", "tọa"])
        | st.sampled_from(["toạ", "x", "İ", "ſ", "5"]),
        max_size=10,
    ).flatmap(
        lambda words: st.sampled_from([" ", "  ", "", "\t"]).map(lambda glue: glue.join(words))
    )
)
def test_chair_words_as_first_written(text: str) -> None:
    expected = [(m.span(), m[0].lower()) for m in _FIRST_CHAIR.finditer(text)]
    found = _events._CHAIR.finditer(text, lowered(text))  # noqa: SLF001
    assert [(m.span(), m[0].lower()) for m in found] == expected


# --- atoms read from a place where reading may resume ------------------------------------

_ATOM_PARTS = [
    *["tháng", "Năm", "năm", "ngày", "hôm", "nay", "qua", "sáng", "chiều", "tối", "thứ", "Hai"],
    *["chủ", "nhật", "CN", "T2", "quý", "IV", "III", "I", "đến", "tới", "từ", "và", "lúc", "giờ"],
    *["cách", "đây", "trước", "nữa", "sau", "tuần", "giai", "đoạn", "Một", "Giêng", "h", "g"],
    *["số", "Hà", "Nội", "ĐUCA", "V28", "(", ")", "-", "–", "/", ".", ",", ";", "İ", "ſ", "_"],
    *["11/6/2018", "5 - 10/6", "2019", "14h30", "8 giờ", "3", "25", "1.000", "²", "٣/٦"],
]
_GLUES = ["", " ", "  ", ", ", " - ", "\n"]


@st.composite
def _atom_text(draw: st.DrawFn) -> str:
    """Date words, numbers and other words, glued by nothing, spaces or gap marks."""
    parts = draw(st.lists(st.sampled_from(_ATOM_PARTS), max_size=16))
    glues = draw(st.lists(st.sampled_from(_GLUES), min_size=len(parts), max_size=len(parts)))
    return "".join(part + glue for part, glue in zip(parts, glues, strict=True))


_resume_at = _dates._resume_at  # noqa: SLF001
_atoms_in = _dates._atoms_in  # noqa: SLF001
_GAP = _dates._GAP  # noqa: SLF001


@settings(max_examples=500)
@given(_atom_text(), st.integers(0, 200))
@example("quý IVnăm 2018 và", 20)
@example("quý III năm 2019", 20)
@example("năm 2019 đếnnăm 2020", 20)
@example("tháng Mộtnăm 2020", 20)
@example("tháng Năm 15, 2019", 20)
@example("Chương trình số 22-CTr/ĐUCA-V28 ngày 14/8/2013", 40)
def test_atoms_read_from_a_resume_place_are_those_read_from_the_start(
    text: str, before: int
) -> None:
    low = lowered(text)
    if low is None:
        return
    before = min(before, len(text))
    start = _resume_at(low, before)
    assert 0 <= start <= before
    whole = _atoms_in(text, low)
    # Nothing read spans the character before the place: no atom, no gap joining two.
    assert all(m.end() < start or m.start() >= start for m in whole)
    for a, b in pairwise(whole):
        if a.end() < start <= b.start():
            assert _GAP.fullmatch(text, a.end(), b.start()) is None
    spans = [(m.span(), m.lastgroup) for m in whole if m.start() >= start]
    assert [(m.span(), m.lastgroup) for m in _atoms_in(text, low, None, start)] == spans
    for until in (before, len(text), *range(max(0, before - 8), before)):
        expected = [(m.span(), m.lastgroup) for m in _up_to(text, whole, until)]
        assert [(m.span(), m.lastgroup) for m in _atoms_in(text, low, until)] == expected
        found = [(m.span(), m.lastgroup) for m in _atoms_in(text, low, until, start)]
        assert found == [atom for atom in expected if atom[0][0] >= start]


def _up_to(text: str, atoms: list[re.Match[str]], until: int) -> list[re.Match[str]]:
    """The atoms up to the first that starts after ``until`` and joins no group before it."""
    out: list[re.Match[str]] = []
    for m in atoms:
        if m.start() > until and not (out and _GAP.fullmatch(text, out[-1].end(), m.start())):
            break
        out.append(m)
    return out


# --- the whole extractor, against every sentence read whole ------------------------------

PUBLISHED = datetime(2021, 4, 30, 9, 0, tzinfo=VIETNAM)
_EVENT_PARTS = [
    *["hội nghị", "buổi làm việc", "kiểm tra", "đến thăm", "tại", "Hà Nội", "Nghị quyết 25"],
    *["Cùng dự", "chủ trì", "ông", "Lan", "“", "”", '"', "!", "Ảnh:", ". ", ".", "\n"],
]


@st.composite
def _event_paragraphs(draw: st.DrawFn) -> tuple[str, ...]:
    """A few paragraphs of date words, event words and stops, glued in many ways."""
    parts = st.sampled_from(_ATOM_PARTS + _EVENT_PARTS)
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        words = draw(st.lists(parts, max_size=20))
        glues = draw(st.lists(st.sampled_from(_GLUES), min_size=len(words), max_size=len(words)))
        paragraphs.append("".join(w + g for w, g in zip(words, glues, strict=True)))
    return tuple(paragraphs)


@settings(max_examples=300)
@given(_event_paragraphs())
@example(("Nghị quyết 25 ngày 3/4/2020; sáng 5/4/2020 hội nghị tại Hà Nội.",))
@example(("Chương trình số 22-CTr/ĐUCA-V28 ngày 14/8/2013, hội nghị quý IVnăm 2018 và 5/6",))
def test_events_are_those_of_every_sentence_read_whole(paragraphs: tuple[str, ...]) -> None:
    blocks = tuple(TextBlock("paragraphs", i, text) for i, text in enumerate(paragraphs))
    people = [Person(name="Lan"), Person(name="Hà Nội")]
    assert extract_events(blocks, PUBLISHED, people) == plain_events(blocks, people)
