"""Events and dates: each fast path finds what the plain reading it replaced finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnnews import _events
from vnnews._data import rows
from vnnews._dates import lowered, word_pattern

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
_WORDS = {
    "heads": _events._HEAD_WORDS,  # noqa: SLF001
    "called off": _events._CALLED_OFF,  # noqa: SLF001
    "said": _events._SAID,  # noqa: SLF001
    "depicted": _events._DEPICTED,  # noqa: SLF001
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
