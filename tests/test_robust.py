"""Robust input (issue 6): any bytes, any Unicode form, any size; the Article or our error.

* Arbitrary text and bytes: ``parse`` gives an Article or raises a
  :class:`vnnews.VnnewsError`, nothing else; arbitrary JSON gives ``from_json``
  and ``from_dict`` an Article or a :class:`vnnews.SchemaError`.
* Encodings: legacy bytes decode back to the very text, or to an error;
  never to other text (mojibake).
* The founding article in every encoding and form gives equal Articles.
* Hostile shapes (long lines, many commas, repeated credits) take linear time.

The corpus re-encoding test is in ``test_corpus_encodings.py``.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import vnnews
from vnnews._cli import main
from vnnews._encodings import (
    decode_bytes,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
)
from vnnews._normalize import fold
from vnnews.strategies import articles, lines

FOUNDING = vnnews.example_text()

# --- only our errors escape -------------------------------------------------------

# Every code point, lone surrogates and controls included.
ANY_CHARACTER = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
# Text that looks a little like an article: lines of Vietnamese, separators, noise.
ARTICLE_BITS = st.one_of(
    lines(),
    st.sampled_from(["\n", "\n\n", "\r\n", ", ", "(", ")", ":", " - ", "Title: ", "# date = "]),
    st.sampled_from(["Thứ Ba, 12/06/2018, 08:55 [GMT+7]", "Nguồn: Bộ Công an", "Theo TTXVN"]),
    st.text(ANY_CHARACTER, max_size=5),
)
ARTICLE_LIKE = st.lists(ARTICLE_BITS, max_size=20).map("".join)


def parse_or_our_error(data: str | bytes) -> vnnews.Article | None:
    """``parse(data)``, or None when it raised a vnnews error; anything else fails."""
    try:
        return vnnews.parse(data)
    except vnnews.ParseError:
        return None


@given(st.text(ANY_CHARACTER) | ARTICLE_LIKE)
@example("\ud800")
@example("a\udfffb")
@example("\x00\x01\x1f\x7f\x85\u2028")
@example("e\u0301\u0301\u0301\u0301")
@example("Title: x\nContent:")
@example("# =uct 2 \x00.\x00\x8d")  # found by fuzzing: a hash header with no key
@example("óóó\n(x)\n( )(i)\n((\x00")  # found by fuzzing: an empty credit "( )"
def test_any_text_gives_an_article_or_a_parse_error(text: str) -> None:
    article = parse_or_our_error(text)
    if article is None:
        assert re.search("[\ud800-\udfff]", text)
    else:
        assert vnnews.from_json(vnnews.to_json(article)) == article


@given(st.binary() | ARTICLE_LIKE.map(lambda t: t.encode("utf-8", "surrogatepass")))
@example(b"\xff\xfe\x00\x00\x00\xd8\x00\x00")
@example(b"\xfe\xff\xd8\x00")
@example(b"\x00" * 7)
@example(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
def test_any_bytes_give_an_article_or_a_parse_error(data: bytes) -> None:
    article = parse_or_our_error(data)
    if article is not None:
        assert vnnews.from_json(vnnews.to_json(article)) == article


@given(
    st.binary(), st.sampled_from(["utf-8", "utf-16", "cp1258", "tcvn3", "vni", "idna", "undefined"])
)
def test_any_bytes_in_a_named_encoding_give_an_article_or_a_parse_error(
    data: bytes, encoding: str
) -> None:
    with contextlib.suppress(vnnews.ParseError):
        vnnews.parse(data, encoding=encoding)


def test_a_wrong_argument_type_is_a_type_error_not_ours() -> None:
    for wrong in (None, 5, ["text"], bytearray(b"x").decode):
        with pytest.raises(TypeError, match="parse takes str or bytes"):
            vnnews.parse(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="encoding must be a str or None"):
        vnnews.parse(b"x", encoding=b"utf-8")  # type: ignore[arg-type]


# --- lone surrogates, NUL and controls: decided, documented, tested ---------------


def test_a_lone_surrogate_is_a_parse_error_with_line_and_column() -> None:
    with pytest.raises(vnnews.ParseError) as info:
        vnnews.parse("Tiêu đề\r\n\r\nMở đầu \udc80 nữa.")
    assert (info.value.line, info.value.column) == (3, 8)
    assert str(info.value) == "lone surrogate U+DC80 is not a character (line 3, column 8)"
    assert not isinstance(info.value, vnnews.DecodeError)


def test_a_nul_in_bytes_is_binary_data() -> None:
    with pytest.raises(vnnews.DecodeError, match="binary data, not text") as info:
        vnnews.parse(b"Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\n\nab\x00c")
    assert (info.value.line, info.value.column) == (3, 3)


def test_controls_in_str_are_kept_as_text() -> None:
    article = vnnews.parse("Tiêu đề\x07\n\nMở\x00 đầu.")
    assert article.title == "Tiêu đề\x07"
    assert article.lead == "Mở\x00 đầu."


# --- encodings --------------------------------------------------------------------

LEGACY_ENCODERS: dict[str, Callable[[str], bytes]] = {
    "Windows-1258": encode_cp1258,
    "TCVN3": encode_tcvn3,
    "VNI": encode_vni,
}


@given(
    st.lists(lines(), min_size=1, max_size=4).map("\n".join), st.sampled_from(list(LEGACY_ENCODERS))
)
@example("Hà Nội", "Windows-1258")
@example("Ủy ban", "TCVN3")
@example("Việt", "VNI")
@example("Thanh Niên", "Windows-1258")  # found by hypothesis: the same bytes in VNI
def test_legacy_bytes_decode_to_the_same_text_or_to_an_error_never_to_other_text(
    text: str, encoding: str
) -> None:
    data = LEGACY_ENCODERS[encoding](text)
    try:
        decoded = decode_bytes(data)
    except vnnews.DecodeError:
        assert data.isascii() is False
        return
    assert unicodedata.normalize("NFC", decoded.text) == text
    if not data.isascii() and decoded.encoding not in {encoding, "UTF-8"}:
        # Bytes that two encodings read as the same text ("Thanh Ni\xean" is
        # "Thanh Niên" in Windows-1258 and in VNI) may carry either name.
        assert decode_bytes(data, decoded.encoding.lower()).text == decoded.text


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (b"U\xfb ban nh\xa9n d\xa9n", "TCVN3", "Uỷ ban nhân dân"),  # DOMAIN.md 7.6
        (b"Vi\xd6t Nam", "TCVN3", "Việt Nam"),
        (b"Xin cha\xf8o ca\xf9c ba\xefn", "VNI", "Xin chào các bạn"),  # DOMAIN.md 7.6
        (b"Th\xfd\xf5\xf2ng t\xfd\xf5\xecng", "Windows-1258", "Thượng tướng"),  # DOMAIN.md 7.6
        ("Thứ Ba Việt Nam".encode("utf-16-le"), "UTF-16-LE", "Thứ Ba Việt Nam"),
        ("Thứ Ba Việt Nam".encode("utf-16-be"), "UTF-16-BE", "Thứ Ba Việt Nam"),
        ("Thứ Ba Việt Nam".encode("utf-32-le"), "UTF-32-LE", "Thứ Ba Việt Nam"),
        ("Việt Nam".encode("utf-32"), "UTF-32", "Việt Nam"),
    ],
)
def test_detected_encodings(data: bytes, encoding: str, text: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert unicodedata.normalize("NFC", decoded.text) == text


@pytest.mark.parametrize(
    "data",
    [
        "L'été dernier, le président a visité la région.".encode("cp1252"),
        "Größere Änderungen für die Öffentlichkeit.".encode("latin-1"),
        "Привет, как дела?".encode("cp1251"),
        "这是一个中文测试字符串。".encode("gbk"),
        "これは日本語です。".encode("shift_jis"),
        b"caf\xe9",
        b"\x89PNG\r\n\x1a\n\x01\x02\xfe\xfd",
        b"\xe0",  # à in Windows-1258, Ổ in TCVN3: a tie, so no guess
    ],
    ids=["french", "german", "russian", "chinese", "japanese", "one-byte", "png", "tie"],
)
def test_what_is_not_vietnamese_is_refused_not_guessed(data: bytes) -> None:
    with pytest.raises(vnnews.DecodeError, match="cannot tell the text encoding") as info:
        vnnews.parse(data)
    assert "Windows-1258, TCVN3, VNI" in str(info.value)
    assert info.value.line is not None
    assert info.value.column is not None


def test_explicit_legacy_encodings() -> None:
    assert vnnews.parse(b"U\xfb ban", encoding="TCVN3").title == "Uỷ ban"
    assert vnnews.parse(b"U\xfb ban", encoding="vni").title == "Ủ ban"
    assert vnnews.parse(b"\xe0", encoding="windows-1258").title == "à"
    with pytest.raises(vnnews.DecodeError, match="unknown encoding 'vni-2'"):
        vnnews.parse(b"x", encoding="vni-2")
    with pytest.raises(vnnews.DecodeError, match="bytes are not valid undefined"):
        vnnews.parse(b"x", encoding="undefined")


def test_legacy_tables_round_trip_every_vietnamese_letter() -> None:
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    lower = [unicodedata.normalize("NFC", b + t) for b in "aăâeêioôơuưy" for t in tones]
    letters = "".join(ch for ch in [*lower, "đ"] if not ch.isascii())
    letters += letters.upper()
    assert len(letters) == 134
    for name, encode in LEGACY_ENCODERS.items():
        decoded = decode_bytes(encode(letters), name.replace("Windows-", "cp")).text
        assert unicodedata.normalize("NFC", decoded) == letters


# --- the founding article in every encoding and form --------------------------------

# Old-style tone placement (on the first vowel of open oa, oe, uy) to the new style.
_OLD_STYLE = re.compile(r"([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?!\w)")


def new_style_tones(text: str) -> str:
    """ "Ủy" → "Uỷ", "khóa" → "khoá", "hòa" → "hoà": tone marks moved to the second vowel."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(r"\1\3\2", decomposed))


FORMS: dict[str, Callable[[str], str | bytes]] = {
    "str": lambda t: t,
    "UTF-8": lambda t: t.encode("utf-8"),
    "UTF-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "UTF-16": lambda t: t.encode("utf-16"),
    "UTF-16-BE with BOM": lambda t: codec_bom("utf-16-be", t),
    "UTF-16-LE without BOM": lambda t: t.encode("utf-16-le"),
    "UTF-32": lambda t: t.encode("utf-32"),
    "Windows-1258": encode_cp1258,
    "TCVN3": encode_tcvn3,
    "VNI": encode_vni,
    "NFD": lambda t: unicodedata.normalize("NFD", t),
    "NFD as UTF-8": lambda t: unicodedata.normalize("NFD", t).encode(),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "CRLF as Windows-1258": lambda t: encode_cp1258(t.replace("\n", "\r\n")),
    "CR": lambda t: t.replace("\n", "\r"),
    "no-break and zero-width spaces": lambda t: t.replace(" ", "\u00a0\u200b"),
}


def codec_bom(codec: str, text: str) -> bytes:
    return "\ufeff".encode(codec) + text.encode(codec)


@pytest.mark.parametrize("form", list(FORMS))
def test_founding_article_in_every_encoding_and_form_gives_an_equal_article(form: str) -> None:
    expected = vnnews.parse(FOUNDING)
    article = vnnews.parse(FORMS[form](FOUNDING))
    assert article == expected
    assert vnnews.to_dict(article) == vnnews.to_dict(expected)


def test_founding_article_with_new_style_tone_marks_is_equal_but_for_spelling() -> None:
    text = new_style_tones(FOUNDING)
    assert "Uỷ viên" in text
    assert "khoá" in text
    assert text != FOUNDING
    expected, article = vnnews.parse(FOUNDING), vnnews.parse(text)
    assert "Uỷ viên" in article.body  # the author's spelling is kept
    assert equivalent(article, expected)
    # ... and in any encoding: the bytes of the new spelling decode to it.
    for form in ("UTF-16", "Windows-1258", "NFD", "CRLF"):
        assert vnnews.parse(FORMS[form](text)) == article


def equivalent(a: vnnews.Article, b: vnnews.Article) -> bool:
    """Equal but for the spelling of text: every string compared after :func:`fold`."""
    same: bool = _folded(vnnews.to_dict(a)) == _folded(vnnews.to_dict(b))
    return same


def _folded(value: Any) -> Any:
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, list):
        return [_folded(v) for v in value]
    if isinstance(value, dict):
        return {k: _folded(v) for k, v in value.items()}
    return value


def test_fold_ignores_tone_placement_form_and_case() -> None:
    for old, new in [("Ủy ban", "Uỷ ban"), ("hòa bình", "hoà bình"), ("khóa XII", "KHOÁ XII")]:
        assert fold(old) == fold(new)
        assert fold(unicodedata.normalize("NFD", old)) == fold(new)
    assert fold("hoàn") != fold("hoan")


# --- from_json / from_dict: only SchemaError ----------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHARACTER, max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_any_json_value_gives_from_dict_an_article_or_a_schema_error(value: Any) -> None:
    with pytest.raises(vnnews.SchemaError):
        vnnews.from_dict(value)


@given(articles(), st.data())
def test_an_article_with_one_field_broken_gives_an_article_or_a_schema_error(
    article: vnnews.Article, data: st.DataObject
) -> None:
    tree = vnnews.to_dict(article)
    node: Any = tree
    path = "$"
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        path += f".{key}" if isinstance(node, dict) else f"[{key}]"
        if not isinstance(child, dict | list) or not child or data.draw(st.booleans()):
            node[key] = data.draw(JSON_VALUES)
            break
        node = child
    errors: tuple[str, ...] = ()
    try:
        vnnews.from_dict(tree)
    except vnnews.SchemaError as exc:
        errors = exc.errors
    assert all("$" in error for error in errors)
    with contextlib.suppress(vnnews.SchemaError):
        vnnews.from_json(json.dumps(tree))


@given(st.text(ANY_CHARACTER) | st.binary())
@example("[" * 100_000)
@example('{"title": ' * 50_000)
@example("1" * 5000)
@example(b"\xff\xfe{\x00}\x00")
def test_any_text_or_bytes_give_from_json_an_article_or_a_schema_error(text: str | bytes) -> None:
    with contextlib.suppress(vnnews.SchemaError):
        vnnews.from_json(text)


def test_untrusted_dict_errors_name_the_path_of_the_bad_field() -> None:
    person = vnnews.to_dict(vnnews.Person(name="Tô Lâm", positions=(vnnews.Position("Bộ trưởng"),)))
    data = vnnews.to_dict(vnnews.Article(title="Tiêu đề"))
    bad = json.loads(json.dumps(person))
    bad["positions"][0]["title"] = ["not", "a", "string"]
    data["people"] = [person, person, bad]
    with pytest.raises(vnnews.SchemaError) as info:
        vnnews.from_dict(data)
    assert any("$.people[2].positions[0].title" in error for error in info.value.errors)
    data["people"] = []
    data["published"] = "2018-06-12T08:55:00"  # naive
    with pytest.raises(vnnews.SchemaError, match=re.escape("$.published")):
        vnnews.from_dict(data)
    del data["published"]
    with pytest.raises(vnnews.SchemaError, match="missing keys: published"):
        vnnews.from_dict(data)


# --- hostile shapes: linear time -------------------------------------------------


def _timed(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        vnnews.parse(text)
        best = min(best, time.perf_counter() - start)
    return best


HOSTILE: dict[str, Callable[[int], str]] = {
    "(a)(a)(a)…": lambda n: "(a)" * (n // 3),
    "header continued over many lines": lambda n: "Title: x\n" + "tiếp tục\n" * (n // 9),
    "ever new names": lambda n: ", ".join(
        f"Nguyễn {chr(0x41 + i % 26)}{chr(0x61 + i // 26 % 26)}{chr(0x61 + i // 676 % 26)}"
        for i in range(n // 14)
    ),
    "commas": lambda n: "," * n,
    "ông ông ông": lambda n: "ông " * (n // 5),
    "1/1/1/… token": lambda n: "1/" * (n // 2) + "1",
    "blank lines": lambda n: "Tiêu đề" + "\n" * n,
    "one long line": lambda n: ("Đây là một câu văn dài, " * (n // 28)).strip(),
}


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_hostile_shapes_take_linear_time(shape: str) -> None:
    # Ten times the input may take at most 35 times as long: linear is 10, quadratic 100.
    make = HOSTILE[shape]
    small, big = _timed(make(20_000)), _timed(make(200_000))
    assert big / max(small, 1e-4) < 35, (small, big)


def test_repeated_credits_are_all_kept_in_order() -> None:
    article = vnnews.parse("Tiêu đề\n\nMở đầu.\n\nPhương Thảo (a)(b) (c)")
    assert article.authors == ("Phương Thảo",)
    assert article.credits == ("a", "b", "c")


def test_a_header_continued_over_lines_is_joined_with_spaces() -> None:
    article = vnnews.parse("Title: Một\nhai\nba\nContent: Thân bài.")
    assert article.title == "Một hai ba"


# --- the command line --------------------------------------------------------------


def test_cli_reports_a_binary_and_an_empty_file_and_reads_a_tcvn3_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary, empty, tcvn3 = tmp_path / "binary.txt", tmp_path / "empty.txt", tmp_path / "tcvn3.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8")
    empty.write_bytes(b"")
    tcvn3.write_bytes(encode_tcvn3(FOUNDING))
    status = main(["parse", str(binary), str(empty), str(tcvn3)])
    out, err = capsys.readouterr()
    assert status == 1
    assert [vnnews.from_json(line) for line in out.splitlines()] == [vnnews.parse(FOUNDING)]
    errors = err.splitlines()
    assert errors[0].startswith(f"vnnews: error: {binary}: cannot tell the text encoding")
    assert errors[1].startswith(f"vnnews: error: {empty}: ")
    assert errors[2].startswith("vnnews: parsed 1, failed 2 in ")
    assert len(errors) == 3
