"""Stage 1: bytes or str in, one clean NFC text out; plus folding for matching.

Bytes are decoded by :mod:`._encodings`: byte-order marks, UTF-16/32 without
a mark, UTF-8, then Windows-1258, TCVN3 and VNI scored by how Vietnamese they
read; anything else is a :class:`DecodeError` naming what was tried and where
the first undecodable byte is.  A str with a lone surrogate (no character at
all) is a :class:`ParseError` with its line and column.  The text keeps the
author's spelling: only the Unicode form (NFC), line ends and white space are
normalised.  :func:`fold` is for matching only, never for output.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final, NoReturn

from ._encodings import LINE_BREAKS
from ._errors import ParseError

__all__ = ["clean_line", "fold", "normalize_text"]

# Characters that carry no text: zero-width spaces and joiners, BOMs inside text,
# soft hyphens.  Removed before anything else looks at the text.
_INVISIBLE: Final = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every kind of line break but "\n" itself becomes "\n".
_LINE_BREAKS: Final = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Lone surrogates: code points that are no characters (str built from broken UTF-16,
# or decoded with errors="surrogateescape").
_SURROGATE: Final = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")  # no surrogate literal: mypyc
# Every character that _LINE_BREAKS or _INVISIBLE matches: a piece with none of them
# needs neither substitution.
_SPECIAL: Final = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Where normalize_text may cut the text into pieces, and how long a piece is at least.
# Cutting right before an ASCII character other than "\n" is safe: an ASCII character
# never combines with what precedes it, no combining mark moves across it, and a
# CRLF pair stays whole.
_CUT: Final = re.compile("[\x00-\x09\x0b-\x7f]")
_PIECE: Final = 8192
# Runs of horizontal white space (no-break spaces included) become one space.  The
# pattern finds only what changes: runs of two or more, and single spaces of other
# kinds; a plain single space is left in place, which is most of them.
_SPACES: Final = re.compile(r"[^\S\n]{2,}|[^\S\n ]")

# Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below).
_TONES: Final = "\u0300\u0301\u0303\u0309\u0323"
_TONE: Final = re.compile(f"[{_TONES}]")
_NO_TONES: Final = str.maketrans("", "", _TONES)
# fold() remembers the keys of texts up to this long: words, names, header keys.
_FOLD_CACHED_LENGTH: Final = 64
# Letters that conversions put in place of Vietnamese ones: Ð/ð (Icelandic eth) for Đ/đ.
_LOOKALIKES: Final = str.maketrans("Ðð", "Đđ")


def normalize_text(text: str) -> str:
    """NFC, one kind of line break, invisible characters removed.

    Line count is preserved except that CRLF counts as one break, so line
    numbers of the result are the input's line numbers.  Raises
    :class:`ParseError` for a lone surrogate, which no encoding can hold:
    replacing it would hide that the text was damaged before it got here.
    """
    # A piece at a time: a 10 MB string passed through each step whole is several
    # times slower per character than small pieces that stay in the CPU's cache.
    pieces = []
    start = 0
    while start < len(text):
        cut = _CUT.search(text, start + _PIECE)
        end = cut.start() if cut else len(text)
        pieces.append(_normalize_piece(text[start:end], text))
        start = end
    return "".join(pieces)


def _normalize_piece(piece: str, text: str) -> str:
    """One piece of ``text`` normalised; the steps that would change nothing are skipped.

    Each test is one pass in C: the UTF-16 encoder refuses any lone surrogate,
    and ``in`` looks for one character far faster than a regex looks for a set.
    """
    try:
        piece.encode("utf-16-le")
    except UnicodeEncodeError:
        _raise_lone_surrogate(text)
    for char in _SPECIAL:
        if char in piece:
            piece = _LINE_BREAKS.sub("\n", piece)
            piece = _INVISIBLE.sub("", piece)
            break
    return unicodedata.normalize("NFC", piece)


def _raise_lone_surrogate(text: str) -> NoReturn:
    """Raise the ParseError for the first lone surrogate of ``text``, which has one."""
    bad = _SURROGATE.search(text)
    assert bad is not None  # noqa: S101 - the caller found one
    before = text[: bad.start()]
    breaks = list(LINE_BREAKS.finditer(before))
    column = bad.start() - (breaks[-1].end() if breaks else 0) + 1
    raise ParseError(
        f"lone surrogate U+{ord(bad[0]):04X} is not a character",
        line=len(breaks) + 1,
        column=column,
    )


def clean_line(line: str) -> str:
    """One line as stored in an Article: white-space runs folded, ends stripped."""
    if line.isprintable() and "  " not in line:
        # The plain space is the only printable white space: nothing to fold.
        return line.strip()
    if "\n" not in line:
        # Every white-space run is one to fold: str.split finds the same runs.
        return " ".join(line.split())
    return _SPACES.sub(" ", line).strip()


def fold(text: str) -> str:
    """A key for matching: case, Unicode form and tone-mark placement folded.

    "Hòa" and "Hoà", "Ủy" and "Uỷ", NFC and NFD spellings all fold alike;
    letters and their tones are kept, so "Lâm" and "Lam" stay apart.

    >>> fold("Uỷ viên") == fold("Ủy viên") == fold("ỦY VIÊN")
    True
    >>> fold("Lâm") == fold("Lam")
    False
    >>> fold("ÐẢNG") == fold("Đảng")
    True
    """
    if len(text) > _FOLD_CACHED_LENGTH:
        return _fold(text)
    return _fold_cached(text)


def _fold(text: str) -> str:
    """:func:`fold`, word by word: the base letters' NFC casefolded, then the tones sorted."""
    if text.isascii():
        # No lookalike, tone or other combining mark; every form is the same text.
        return " ".join(text.casefold().split())
    words = unicodedata.normalize("NFD", text.translate(_LOOKALIKES)).split()
    if len(words) == 1:
        return _fold_word(words[0])
    return " ".join(map(_fold_word, words))


def _fold_word(word: str) -> str:
    base = word.translate(_NO_TONES)
    key = unicodedata.normalize("NFC", base).casefold()
    if len(base) == len(word):
        return key
    return key + "".join(sorted(_TONE.findall(word)))


# Keys of names, words and header keys repeat from article to article.
_fold_cached: Final = functools.lru_cache(maxsize=1 << 14)(_fold)
