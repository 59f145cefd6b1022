"""People: the fast paths of the extractor read as the plain code they replace.

Each test here is an oracle: the plain (slower) way is written out in the test,
and hypothesis checks that the extractor's faster way gives the same answer.
"""

from __future__ import annotations

import itertools
import re
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from vnnews._people import (
    _LOW,
    _OTHER_SPACES,
    _PARTICLE,
    _RUN_RE,
    _TONE_SWAPS,
    _TRIGGER_RE,
    _UP,
    _spellings,
    _trigger_matches,
    _valid,
)

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


def test_other_spaces_are_every_space_but_the_space() -> None:
    """The two trigger patterns together stand after what \\s stands for, no more."""
    other = re.compile(f"[{_OTHER_SPACES}]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (other.match(char) is not None) == (char.isspace() and char != " "), hex(code)


_TRIGGER_PIECES = ("ông", "bà", "Ông", "chủ tịch", "phó chủ tịch", "bộ trưởng", "đồng chí", "an")
_TRIGGER_TEXT = st.lists(
    st.sampled_from(_TRIGGER_PIECES) | st.sampled_from(" \t\n\u3000(“-:,.x"), max_size=16
).map("".join)


@given(_TRIGGER_TEXT)
@example(" (phó chủ tịch ông")
def test_trigger_matches_are_those_of_the_one_pattern(text: str) -> None:
    """The two patterns, merged, find the matches of _TRIGGER_RE, and no other."""
    want = [(m.span(), m.group("word")) for m in _TRIGGER_RE.finditer(text)]
    assert [(m.span(), m.group("word")) for m in _trigger_matches(text)] == want


def test_letter_classes_hold_the_letters_of_their_case() -> None:
    """_UP and _LOW, written with ranges, hold the cased letters from "A" to U+2000."""
    up, low = re.compile(_UP), re.compile(_LOW)
    for code in range(0x2100):
        char = chr(code)
        letter = 0x41 <= code < 0x2000 and char.isalpha()  # from "A"
        assert (up.match(char) is not None) == (letter and char.isupper()), hex(code)
        assert (low.match(char) is not None) == (letter and char.islower()), hex(code)


def _plain_spellings(phrase: str) -> list[str]:
    """Every tone placement, independently: the swappable pairs found left to right
    (each two letters), then one spelling for each choice of pair forms, in order."""
    pairs = "|".join(map(re.escape, _TONE_SWAPS))
    parts = re.split(f"({pairs})", phrase.lower())  # odd parts: the pairs
    choices = [(part, _TONE_SWAPS[part]) if k % 2 else (part,) for k, part in enumerate(parts)]
    return ["".join(spelling) for spelling in itertools.product(*choices)]


@given(
    st.lists(
        st.sampled_from(["o", "a", "à", "ò", "e", "è", "uy", "ủy", "uỷ", "h", " "]), max_size=8
    )
)
def test_spellings_are_those_of_the_plain_loop(pieces: list[str]) -> None:
    """A phrase with no pair to swap has one spelling, found with no loop."""
    phrase = "".join(pieces)
    assert list(_spellings(phrase)) == _plain_spellings(phrase)
