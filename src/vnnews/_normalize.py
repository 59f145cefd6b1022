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

import re
import unicodedata
from typing import Final

from ._encodings import LINE_BREAKS, decode_bytes
from ._errors import ParseError

__all__ = ["clean_line", "decode", "fold", "normalize_text"]

# Characters that carry no text: zero-width spaces and joiners, BOMs inside text,
# soft hyphens.  Removed before anything else looks at the text.
_INVISIBLE: Final = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every kind of line break but "\n" itself becomes "\n".
_LINE_BREAKS: Final = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Lone surrogates: code points that are no characters (str built from broken UTF-16,
# or decoded with errors="surrogateescape").
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
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
_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Letters that conversions put in place of Vietnamese ones: Ð/ð (Icelandic eth) for Đ/đ.
_LOOKALIKES: Final = str.maketrans("Ðð", "Đđ")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data`` to str: by ``encoding`` if given, else by detection.

    See :mod:`._encodings` for the detection order; raises :class:`DecodeError`.
    """
    return decode_bytes(data, encoding).text


def normalize_text(text: str) -> str:
    """NFC, one kind of line break, invisible characters removed.

    Line count is preserved except that CRLF counts as one break, so line
    numbers of the result are the input's line numbers.  Raises
    :class:`ParseError` for a lone surrogate, which no encoding can hold:
    replacing it would hide that the text was damaged before it got here.
    """
    if (bad := _SURROGATE.search(text)) is not None:
        before = text[: bad.start()]
        breaks = list(LINE_BREAKS.finditer(before))
        column = bad.start() - (breaks[-1].end() if breaks else 0) + 1
        raise ParseError(
            f"lone surrogate U+{ord(bad[0]):04X} is not a character",
            line=len(breaks) + 1,
            column=column,
        )
    # A piece at a time: a 10 MB string passed through each step whole is several
    # times slower per character than small pieces that stay in the CPU's cache.
    pieces = []
    start = 0
    while start < len(text):
        cut = _CUT.search(text, start + _PIECE)
        end = cut.start() if cut else len(text)
        pieces.append(_normalize_piece(text[start:end]))
        start = end
    return "".join(pieces)


def _normalize_piece(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_line(line: str) -> str:
    """One line as stored in an Article: white-space runs folded, ends stripped."""
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
    words = []
    for word in unicodedata.normalize("NFD", text.translate(_LOOKALIKES)).split():
        tones = "".join(sorted(c for c in word if c in _TONES))
        base = "".join(c for c in word if c not in _TONES)
        words.append(unicodedata.normalize("NFC", base).casefold() + tones)
    return " ".join(words)
