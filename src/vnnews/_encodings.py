"""Which text encoding some bytes are in, and the legacy Vietnamese encodings.

Detection tries, in order, and the first that applies wins:

1. a byte-order mark: UTF-32, UTF-8, UTF-16;
2. UTF-32 or UTF-16 without a mark, told by where the NUL bytes fall
   (Vietnamese text is mostly ASCII, whose high byte is 0);
3. strict UTF-8;
4. the 8-bit encodings still met in scraped Vietnamese text: Windows-1258,
   TCVN3 and VNI (``DOMAIN.md`` §7.6).  Each is decoded and scored by the share
   of its non-ASCII words that are Vietnamese syllables; the one that reads
   clearly best wins.

Anything else — random bytes, a PDF, Latin-1 French, a tie between two
legacy readings — is a :class:`~vnnews.DecodeError` that names what was tried
and where the first byte that is not UTF-8 sits: never mojibake.  Decoded text
with a NUL character is binary data, not text, and refused the same way.

Python has no TCVN3 or VNI codec; their tables are the data files
``tcvn3.tsv`` and ``vni.tsv``.  The ``encode_*`` functions are the tables'
inverses, for round-trip tests and fuzzing.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Final, NamedTuple

from ._data import rows
from ._errors import DecodeError

__all__ = [
    "LINE_BREAKS",
    "Decoded",
    "decode_bytes",
    "encode_cp1258",
    "encode_tcvn3",
    "encode_vni",
    "location",
    "looks_vietnamese",
]

#: Every kind of line break; the parser's line numbers count these.
LINE_BREAKS: Final = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TRIED: Final = (
    "UTF-8/16/32 byte-order marks, UTF-16/32 without a mark, UTF-8, Windows-1258, TCVN3, VNI"
)
#: Legacy candidates are scored on this many leading bytes; the winner decodes all.
_SAMPLE: Final = 256 * 1024
#: How many non-ASCII words scoring looks at, at most.
_MAX_WORDS: Final = 20_000
#: The winner must read at least this share of its non-ASCII words as Vietnamese ...
_MIN_SHARE: Final = 0.6
#: ... and beat the runner-up by this much.
_MARGIN: Final = 0.2


class Decoded(NamedTuple):
    """Decoded text and the name of the encoding it was read in."""

    text: str
    encoding: str


# --- Vietnamese syllables -------------------------------------------------------

_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Vietnamese syllables: an initial consonant (or none), then a rhyme.  The rhymes
# are the open ones, and closed nuclei before a final consonant; a few impossible
# pairs slip through, which costs nothing when telling encodings apart.
_INITIALS: Final = (
    *_words("ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x"),
    "",
)
_OPEN_RHYMES: Final = frozenset(
    _words(
        "a e ê i o ô ơ u ư y ia ua ưa oa oe uê uy uơ uya ai ao au ay âu ây eo êu iu oi ôi ơi "
        "ui ưi ưu iêu yêu uôi ươi ươu oai oay oao oeo uây uyu"
    )
)
_CLOSED_NUCLEI: Final = _words("a ă â e ê i o ô ơ u ư iê yê uô ươ oa oă oe uâ uê uy uyê oo ôô")
_FINALS: Final = _words("c ch m n ng nh p t")
_RHYMES: Final = _OPEN_RHYMES | {n + f for n in _CLOSED_NUCLEI for f in _FINALS}
# A word for scoring: split at white space, ASCII punctuation and digits, and the
# General Punctuation block (curly quotes, dashes, ellipsis).  Latin-1 symbols
# such as © ¬ ® stay inside words: they are what a wrong legacy reading leaves.
_WORD: Final = re.compile(r"[^\s!-@\[-`{-~\u2000-\u206f]+")


@lru_cache(maxsize=65_536)
def _is_syllable(word: str) -> bool:
    """Whether a lower-case word is one Vietnamese syllable with at most one tone."""
    decomposed = unicodedata.normalize("NFD", word)
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return any(base.startswith(head) and base[len(head) :] in _RHYMES for head in _INITIALS)


def looks_vietnamese(text: str) -> tuple[int, int]:
    """``(valid, invalid)``: how many non-ASCII words are Vietnamese syllables, and are not.

    ASCII words say nothing about the encoding and are not counted.

    >>> looks_vietnamese("Uỷ ban nhân dân Việt Nam")
    (4, 0)
    >>> looks_vietnamese("Uû ban nh©n d©n ViÖt Nam")
    (0, 4)
    """
    valid = invalid = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if _is_syllable(word.lower()):
            valid += 1
        else:
            invalid += 1
        if valid + invalid >= _MAX_WORDS:
            break
    return valid, invalid


# --- the legacy tables ------------------------------------------------------------


def _char(code: str) -> str:
    return "".join(chr(int(part.removeprefix("U+"), 16)) for part in code.split())


# Windows-1252 with its five undefined bytes read as the C1 controls they would be
# in Latin-1: VNI's view of the bytes, and never a decoding failure.
_CP1252: Final = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


@cache
def _tcvn3_table() -> str:
    """The 256-character decoding table for :func:`codecs.charmap_decode`."""
    table = list(_CP1252)
    for byte, code, _name in rows("tcvn3.tsv"):
        table[int(byte, 16)] = _char(code)
    return "".join(table)


def _decode_tcvn3(data: bytes) -> str:
    return codecs.charmap_decode(data, "strict", _tcvn3_table())[0]


class _Vni(NamedTuple):
    letters: dict[str, str]
    pairs: dict[str, str]
    pattern: re.Pattern[str]


@cache
def _vni() -> _Vni:
    """VNI's letters, its base + mark pairs, and a pattern that finds either."""
    letters = {
        _CP1252[int(b, 16)]: _char(v) for b, role, _, v, _ in rows("vni.tsv") if role == "letter"
    }
    # A base letter in VNI's own bytes: ASCII vowels, and ô ö (ơ ư) of the letter rows.
    spelled = {v: k for k, v in letters.items()}
    pairs: dict[str, str] = {}
    for byte, role, bases, value, _note in rows("vni.tsv"):
        if role != "mark":
            continue
        mark = _CP1252[int(byte, 16)]
        for base in bases + bases.upper():
            written = spelled.get(base, base)
            pairs[written + mark] = unicodedata.normalize("NFC", base + _char(value))
    firsts = "".join(sorted({pair[0] for pair in pairs}))
    seconds = "".join(sorted({pair[1] for pair in pairs}))
    singles = "".join(sorted(letters))
    pattern = re.compile(f"[{re.escape(firsts)}][{re.escape(seconds)}]|[{re.escape(singles)}]")
    return _Vni(letters, pairs, pattern)


def _decode_vni(data: bytes) -> str:
    vni = _vni()

    def replace(m: re.Match[str]) -> str:
        found = m[0]
        if (pair := vni.pairs.get(found)) is not None:
            return pair
        # A mark that does not fit its base stays the Windows-1252 character it is.
        return vni.letters.get(found[0], found[0]) + found[1:]

    return vni.pattern.sub(replace, codecs.charmap_decode(data, "strict", _CP1252)[0])


def _decode_cp1258(data: bytes) -> str:
    return data.decode("cp1258")


_LEGACY: Final[dict[str, tuple[str, Callable[[bytes], str]]]] = {
    "cp1258": ("Windows-1258", _decode_cp1258),
    "tcvn3": ("TCVN3", _decode_tcvn3),
    "vni": ("VNI", _decode_vni),
}
_ALIASES: Final = {
    **dict.fromkeys(("tcvn3", "tcvn", "tcvn-3", "tcvn5712", "tcvn-5712", "abc", "vn3"), "tcvn3"),
    **dict.fromkeys(("tcvn5712-1", "tcvn-5712-1", "tcvn5712-1:1993"), "tcvn3"),
    **dict.fromkeys(("vni", "vni-windows", "vni-win", "vni-times"), "vni"),
}


# --- encoders: the tables' inverses -------------------------------------------------


@lru_cache(maxsize=4096)
def _split_tone(char: str) -> tuple[str, str]:
    """``("ư", "\u0301")`` for "ứ": the letter without its tone, and the tone."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = "".join(ch for ch in decomposed if ch in _TONES)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return base, tone


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 in its own decomposed form: precomposed base letters, tone bytes.

    Raises :class:`UnicodeEncodeError` for text the code page cannot hold.
    """
    return "".join(map(_cp1258_form, unicodedata.normalize("NFC", text))).encode("cp1258")


@lru_cache(maxsize=4096)
def _cp1258_form(char: str) -> str:
    return "".join(_split_tone(char))


@cache
def _tcvn3_inverse() -> dict[str, bytes]:
    return {ch: bytes([i]) for i, ch in enumerate(_tcvn3_table())}


@cache
def _vni_inverse() -> tuple[dict[str, str], frozenset[str]]:
    """Letter to VNI characters, and the characters that mean something in VNI."""
    vni = _vni()
    inverse = {ch: seq for seq, ch in (*vni.pairs.items(), *vni.letters.items())}
    return inverse, frozenset(vni.letters) | {pair[1] for pair in vni.pairs}


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 bytes for ``text``; a letter with no byte of its own takes a tone byte.

    Raises :class:`ValueError` for a character TCVN3 cannot hold.
    """
    inverse = _tcvn3_inverse()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if (byte := inverse.get(ch)) is None:
            base, tone = _split_tone(ch)
            if base not in inverse or (tone and tone not in inverse):
                msg = f"TCVN3 has no byte for {ch!r}"
                raise ValueError(msg)
            byte = inverse[base] + (inverse[tone] if tone else b"")
        out.append(byte)
    return b"".join(out)


def encode_vni(text: str) -> bytes:
    """VNI bytes for ``text``.  Raises :class:`ValueError` for a character VNI cannot hold."""
    inverse, specials = _vni_inverse()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        seq = inverse.get(ch)
        if seq is None and (ch.isascii() or (ch in _CP1252 and ch not in specials)):
            seq = ch
        if seq is None:
            msg = f"VNI has no bytes for {ch!r}"
            raise ValueError(msg)
        out.append(bytes(_CP1252.index(c) for c in seq))
    return b"".join(out)


# --- detection ---------------------------------------------------------------------


def location(data: bytes, offset: int, codec: str) -> tuple[int, int]:
    """1-based (line, column) of byte ``offset``, columns counted in characters."""
    try:
        before = data[:offset].decode(codec, errors="replace")
    except (LookupError, ValueError):
        before = data[:offset].decode("utf-8", errors="replace")
    before = before.removeprefix("\ufeff")
    breaks = list(LINE_BREAKS.finditer(before))
    if not breaks:
        return 1, len(before) + 1
    return len(breaks) + 1, len(before) - breaks[-1].end() + 1


def _error(data: bytes, offset: int, codec: str, what: str) -> DecodeError:
    line, column = location(data, offset, codec)
    if offset < len(data):
        what = f"{what}: undecodable byte 0x{data[offset]:02x} at offset {offset}"
    return DecodeError(what, line=line, column=column)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` by ``encoding`` if given, else detect the encoding.

    ``encoding`` is a Python codec name, ``"tcvn3"`` or ``"vni"``.

    Raises :class:`DecodeError` with line and column when the bytes are not
    text in the encoding given, or in any encoding detection tries.
    """
    if encoding is not None and not isinstance(encoding, str):
        msg = f"encoding must be a str or None, not {type(encoding).__name__}"
        raise TypeError(msg)
    decoded = _decode_named(data, encoding) if encoding is not None else _detect(data)
    nul = decoded.text.find("\x00")
    if nul >= 0:
        before = decoded.text[:nul]
        breaks = list(LINE_BREAKS.finditer(before))
        line = len(breaks) + 1
        column = nul - (breaks[-1].end() if breaks else 0) + 1
        raise DecodeError(
            f"binary data, not text: a NUL character (read as {decoded.encoding})",
            line=line,
            column=column,
        )
    return decoded


def _decode_named(data: bytes, encoding: str) -> Decoded:
    key = _ALIASES.get(encoding.strip().lower().replace("_", "-"))
    if key is not None:
        name, decoder = _LEGACY[key]
        return Decoded(decoder(data), name)
    try:
        return Decoded(data.decode(encoding), encoding)
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise _error(data, exc.start, encoding, f"bytes are not valid {encoding}") from None
    except UnicodeError as exc:  # a codec that fails without a position
        raise DecodeError(f"bytes are not valid {encoding}: {exc}") from None


def _detect(data: bytes) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec.removesuffix("-sig").upper())
            except UnicodeDecodeError as exc:
                what = f"bytes start with a {codec.removesuffix('-sig').upper()} byte-order mark"
                raise _error(data, exc.start, codec, what) from None
    wide = _wide_without_bom(data)
    if wide is not None:
        return wide
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    legacy = _legacy(data)
    if isinstance(legacy, Decoded):
        return legacy
    raise _error(
        data, first_bad, "utf-8", f"cannot tell the text encoding (tried: {_TRIED}; {legacy})"
    )


def _wide_without_bom(data: bytes) -> Decoded | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where NUL bytes fall."""
    sample = data[:65_536]
    if len(sample) >= 4 and len(data) % 4 == 0:  # noqa: PLR2004
        quads = len(sample) // 4
        for codec, zero, mostly in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
            if sample[zero::4].count(0) == quads and sample[mostly::4].count(0) * 2 >= quads:
                try:
                    return Decoded(data.decode(codec), codec.upper())
                except UnicodeDecodeError:
                    break
    if len(sample) >= 2 and len(data) % 2 == 0:  # noqa: PLR2004
        pairs = len(sample) // 2
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if high * 5 >= pairs and low * 50 <= pairs:
                try:
                    return Decoded(data.decode(codec), codec.upper())
                except UnicodeDecodeError:
                    return None
    return None


def _legacy(data: bytes) -> Decoded | str:
    """The legacy encoding that reads ``data`` as Vietnamese, or why there is none."""
    sample = data[:_SAMPLE]
    scores: list[tuple[float, int, str, str]] = []
    for key, (_name, decoder) in _LEGACY.items():
        try:
            text = decoder(sample)
        except UnicodeDecodeError:  # Windows-1258 leaves a few bytes undefined
            continue
        valid, invalid = looks_vietnamese(text)
        if valid:
            scores.append((valid / (valid + invalid), valid, key, text))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < _MIN_SHARE:
        return "none reads as Vietnamese text"
    share, _, key, text = scores[0]
    if len(scores) > 1 and scores[1][0] > share - _MARGIN and scores[1][3] != text:
        runner = _LEGACY[scores[1][2]][0]
        return f"{_LEGACY[key][0]} and {runner} both read as Vietnamese; pass encoding="
    name, decoder = _LEGACY[key]
    try:
        return Decoded(decoder(data) if len(data) > len(sample) else text, name)
    except UnicodeDecodeError as exc:
        return f"reads as {name} but byte 0x{data[exc.start]:02x} at offset {exc.start} is not"
