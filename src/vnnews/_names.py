"""Personal names: family names, and a name split into its parts.

Vietnamese names are written family - middle - given ("Trương Thị Mai"); a
name is Vietnamese when it starts with a family name of ``data/surnames.tsv``
(compound ones such as "Tôn Thất" first).  Other names ("Donald Trump") are
read the Western way: the last word is the family name, the first the given
name.  Initials keep their stop ("Nguyễn Văn H.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Final

from ._data import rows
from ._normalize import fold

__all__ = [
    "family_length",
    "folded",
    "is_foreign_name",
    "is_foreign_word",
    "is_latin_word",
    "is_strong_surname",
    "is_surname",
    "split_name",
]

_SURNAMES: Final = {fold(row[0]): row[1] == "yes" for row in rows("surnames.tsv")}
_COMPOUNDS: Final = frozenset(name for name in _SURNAMES if " " in name)
# A compound family name needs a given name after it, and usually a middle name too.
_COMPOUND_MIN_WORDS: Final = 3
# Letters of the Latin alphabet that Vietnamese does not use, with those it shares.
_LATIN_WORD: Final = re.compile(r"(?:[a-z]{1,3}-)?[A-Z][A-Za-zäöüßñçğşøåëïœ]*(?:['’-][A-Za-z]+)*")
# A syllable Vietnamese could spell without marks ("Minh", "Trung", "Hoa"): initial, vowels, final.
_VIETNAMESE_SYLLABLE: Final = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """:func:`fold`, word by word, each word's fold remembered: words repeat, phrases less."""
    words = text.split()
    if len(words) == 1:
        return _fold_word(words[0])
    return " ".join(map(_fold_word, words))


def is_surname(word: str) -> bool:
    """True for a (simple) family name: "Nguyễn", "Tô", "Đậu".

    >>> is_surname("Nguyễn"), is_surname("nguyễn"), is_surname("Hà"), is_surname("Chính")
    (True, True, True, False)
    """
    return folded(word) in _SURNAMES


def is_strong_surname(word: str) -> bool:
    """True for the most frequent family names, which start a name wherever they stand."""
    return _SURNAMES.get(folded(word), False)


@cache
def is_latin_word(word: str) -> bool:
    """True for a capitalised word spelt with no Vietnamese letter: "Biden", "Al-Ansari", "Minh"."""
    return _LATIN_WORD.fullmatch(word) is not None


@cache
def is_foreign_word(word: str) -> bool:
    """True for a capitalised word that is no Vietnamese syllable: "Biden", but not "Minh".

    >>> is_foreign_word("Orban"), is_foreign_word("Trung"), is_foreign_word("Lâm")
    (True, False, False)
    """
    return is_latin_word(word) and _VIETNAMESE_SYLLABLE.fullmatch(word) is None


def is_foreign_name(words: Sequence[str]) -> bool:
    """True for Latin words of which one at least is no Vietnamese syllable: "Ben Cardin"."""
    return all(is_latin_word(w) or w.islower() for w in words) and any(
        is_foreign_word(w) for w in words
    )


def family_length(words: Sequence[str]) -> int:
    """How many of ``words`` make the family name at their start: 2, 1 or 0 (not Vietnamese)."""
    if len(words) >= _COMPOUND_MIN_WORDS and folded(f"{words[0]} {words[1]}") in _COMPOUNDS:
        return 2
    return 1 if words and is_surname(words[0]) else 0


@lru_cache(maxsize=1 << 14)
def split_name(name: str) -> tuple[str | None, str | None, str | None]:
    """The parts of a name, in Vietnamese order: ``(family, middle, given)``.

    >>> split_name("Trương Thị Mai")
    ('Trương', 'Thị', 'Mai')
    >>> split_name("Tô Lâm")
    ('Tô', None, 'Lâm')
    >>> split_name("Tôn Thất Thuyết")
    ('Tôn Thất', None, 'Thuyết')
    >>> split_name("Donald Trump")
    ('Trump', None, 'Donald')
    >>> split_name("Khánh Hà")
    (None, 'Khánh', 'Hà')
    >>> split_name("Hoa")
    (None, None, 'Hoa')
    """
    words = name.split()
    if len(words) == 1:
        return None, None, words[0]
    family = family_length(words)
    if family:
        return " ".join(words[:family]), " ".join(words[family:-1]) or None, words[-1]
    if is_foreign_name(words):
        return words[-1], " ".join(words[1:-1]) or None, words[0]
    # A Vietnamese given name with its middle name and no family name: "Khánh Hà".
    return None, " ".join(words[:-1]), words[-1]
