"""Stage 1: bytes or str in, one clean NFC text out; plus folding for matching.

Decoding tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), then
strict UTF-8.  Anything else is a :class:`DecodeError` naming what was tried
and where the first undecodable byte is.  The text keeps the author's
spelling: only the Unicode form (NFC), line ends and white space are
normalised.  :func:`fold` is for matching only, never for output.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Final

from ._errors import DecodeError

__all__ = ["clean_line", "decode", "fold", "normalize_text"]

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that carry no text: zero-width spaces and joiners, BOMs inside text,
# soft hyphens.  Removed before anything else looks at the text.
_INVISIBLE: Final = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every kind of line break becomes "\n".
_LINE_BREAKS: Final = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Runs of horizontal white space (no-break spaces included) become one space.
_SPACES: Final = re.compile(r"[^\S\n]+")

# Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below).
_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data`` to str, by ``encoding`` if given, else by BOM or UTF-8."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise _decode_error(data, exc, f"bytes are not valid {encoding}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _decode_error(data, exc, f"bytes start with a {codec} mark") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _decode_error(
            data, exc, "cannot tell the text encoding (tried: UTF-8/16/32 byte-order marks, UTF-8)"
        ) from None


def _decode_error(data: bytes, exc: UnicodeDecodeError, what: str) -> DecodeError:
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    # Columns count characters, as an editor shows them, not bytes.
    line_start = before[before.rfind(b"\n") + 1 :]
    column = len(line_start.decode(exc.encoding, errors="replace")) + 1
    return DecodeError(
        f"{what}: undecodable byte 0x{data[exc.start]:02x} at offset {exc.start}",
        line=line,
        column=column,
    )


def normalize_text(text: str) -> str:
    """NFC, one kind of line break, invisible characters removed.

    Line count is preserved except that CRLF counts as one break, so line
    numbers of the result are the input's line numbers.
    """
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
    """
    words = []
    for word in unicodedata.normalize("NFD", text).split():
        tones = "".join(sorted(c for c in word if c in _TONES))
        base = "".join(c for c in word if c not in _TONES)
        words.append(unicodedata.normalize("NFC", base).casefold() + tones)
    return " ".join(words)
