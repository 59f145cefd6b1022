"""People: the fast paths of the extractor read as the plain code they replace.

Each test here is an oracle: the plain (slower) way is written out in the test,
and hypothesis checks that the extractor's faster way gives the same answer.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from vnnews._people import _LOW, _PARTICLE, _RUN_RE, _UP, _valid

# The run pattern with plain (backtracking) repeats, as it was written first.
_PLAIN_WORD = rf"(?:(?:al|el|ad)-)?{_UP}{_LOW}+(?:['’-]\w+)*(?!\w)"
_PLAIN_RUN_RE = re.compile(
    rf"{_UP}(?:(?<![\w.&/-].)|(?<={_LOW}.)){_LOW}+(?:['’-]\w+)*(?!\w)"
    rf"(?: (?:{_PARTICLE} )?(?:{_PLAIN_WORD}|{_UP}\.(?!\w)))*(?![\w&])"
)

_RUN_PIECES = ("Kim", "Ân", " ", "Jong", "-un", "Jong-un", "’s", "&", "al-", "H.", "van ", "1", ".")
_RUN_TEXT = st.text(alphabet="AĐbđx1_ &'’-./", max_size=40) | st.lists(
    st.sampled_from(_RUN_PIECES), max_size=12
).map("".join)


@given(_RUN_TEXT, st.integers(0, 60), st.integers(0, 60))
@example("Ông Kim Jong-un& X", 0, 60)
def test_run_pattern_finds_the_runs_of_the_plain_pattern(text: str, pos: int, end: int) -> None:
    """Possessive repeats in _RUN_RE change no run: "Kim Jong-un&" gives "Kim Jong" still."""
    pos = min(pos, len(text))
    end = max(pos, min(end, len(text)))
    got = [m.span() for m in _RUN_RE.finditer(text, pos, end)]
    assert got == [m.span() for m in _PLAIN_RUN_RE.finditer(text, pos, end)]


@given(st.lists(st.text(alphabet="Ab.", min_size=1, max_size=4), min_size=1, max_size=5))
def test_valid_is_no_initial_but_the_last(words: list[str]) -> None:
    """_valid looks for ". " in the joined words: the same as looking at each word."""
    plain = not words[0].endswith(".") and all(not w.endswith(".") for w in words[:-1])
    assert _valid(words) == plain
