"""Cited documents: phrasings, merging, the founding article, and the dev-corpus scores."""

from __future__ import annotations

import bisect
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnnews
from vnnews import Document
from vnnews._blocks import TextBlock, text_blocks
from vnnews._dates import find_dates
from vnnews._documents import (
    _CLAUSE_BREAK,
    _CLAUSE_MARK,
    _DATE_BREAK,
    _KIND,
    _KINDS,
    _NAMED_KINDS,
    _SIGNED_BEFORE,
    _alternatives,
    _case_variants,
    _citing_clauses,
    _Reader,
    _trie,
    extract_documents,
)


def documents(*paragraphs: str) -> tuple[Document, ...]:
    return extract_documents(text_blocks(None, None, paragraphs, ()))


def one(text: str) -> Document:
    found = documents(text)
    assert len(found) == 1, found
    return found[0]


# --- the founding article ---------------------------------------------------------------


def test_founding_article() -> None:
    article = vnnews.parse(vnnews.example_text())
    resolution, programme, plenums = article.documents
    assert (resolution.kind, resolution.number, resolution.issued) == (
        "Nghị quyết",
        "25-NQ/TW",
        date(2013, 6, 3),
    )
    assert resolution.issuer == "Ban Chấp hành Trung ương Đảng khóa XI"
    assert resolution.term == 11
    assert resolution.subject is not None
    assert resolution.subject.startswith("về tăng cường và đổi mới sự lãnh đạo của Đảng")
    assert len(resolution.mentions) == 4
    assert (programme.kind, programme.number, programme.issued) == (
        "Chương trình hành động",
        "22-CTr/ĐUCA-V28",
        date(2013, 8, 14),
    )
    assert programme.issuer == "Đảng ủy Công an Trung ương"
    assert programme.as_written == (
        "Chương trình hành động số 22-CTr/ĐUCA-V28 ngày 14/8/2013 của Đảng ủy Công an Trung ương"
    )
    assert (plenums.kind, plenums.number, plenums.term) == ("Nghị quyết", None, 12)
    assert plenums.as_written == "Nghị quyết Trung ương 4, 6 khóa XII"


def test_mentions_point_at_the_citation() -> None:
    article = vnnews.parse(vnnews.example_text())
    for document in article.documents:
        for mention in document.mentions:
            block = getattr(article, mention.block)
            text = block if isinstance(block, str) else block[mention.index]
            cited = text[mention.start : mention.end]
            assert cited.startswith(document.kind.split()[0])


# --- phrasings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "number", "issued", "issuer"),
    [
        (
            "Theo Nghị định 116/2010/NĐ-CP, ngày 24-12-2010, của Chính phủ về chính sách.",
            "Nghị định",
            "116/2010/NĐ-CP",
            date(2010, 12, 24),
            "Chính phủ",
        ),
        (
            "Căn cứ Luật số 80/2015/QH13 ngày 22 tháng 6 năm 2015 của Quốc hội.",
            "Luật",
            "80/2015/QH13",
            date(2015, 6, 22),
            "Quốc hội",
        ),
        (
            "thực hiện Thông tư liên tịch số 02/2016/TTLT-BCA-BQP-BGTVT về phối hợp",
            "Thông tư liên tịch",
            "02/2016/TTLT-BCA-BQP-BGTVT",
            None,
            None,
        ),
        ("Thủ tướng ký Công điện số 541/CĐ-TTg.", "Công điện", "541/CĐ-TTg", None, None),
        ("Bộ Công an có văn bản số 1670/BCA-V28.", "văn bản", "1670/BCA-V28", None, None),
        ("Quy định 08-QĐi/TW nêu rõ", "Quy định", "08-QĐi/TW", None, None),
        (
            "Nghị định số 19 của Chính phủ ban hành ngày 22-3-2016 về kinh doanh khí.",
            "Nghị định",
            "19",
            date(2016, 3, 22),
            "Chính phủ",
        ),
        (
            "Ngày 6/2/2017, Thủ tướng Chính phủ đã ký ban hành Nghị quyết 19-2017/NQ-CP về",
            "Nghị quyết",
            "19-2017/NQ-CP",
            date(2017, 2, 6),
            "Thủ tướng Chính phủ",
        ),
        ("theo tinh thần của Thông tư 15/2015 mà Bộ ban hành", "Thông tư", "15/2015", None, None),
        ("theo Nghị quyết 2024 ngày 14/12/2011.", "Nghị quyết", "2024", date(2011, 12, 14), None),
        ("Luật Đất đai số 45/2013/QH13, trường hợp", "Luật", "45/2013/QH13", None, None),
        (
            "Bộ Y tế ban hành Công điện khẩn số 578/CĐ-BYT gửi",
            "Công điện",
            "578/CĐ-BYT",
            None,
            None,
        ),
        ("Chủ tịch nước ký sắc lệnh 29 - LCT ra lệnh", "sắc lệnh", "29 - LCT", None, None),
    ],
)
def test_numbered_citations(
    text: str, kind: str, number: str, issued: date | None, issuer: str | None
) -> None:
    document = one(text)
    assert (document.kind, document.number, document.issued, document.issuer) == (
        kind,
        number,
        issued,
        issuer,
    )


def test_an_effective_date_is_not_an_issue_date() -> None:
    document = one("Nghị định 107 có hiệu lực thi hành ngày 15-5-2016.")
    assert (document.number, document.issued) == ("107", None)


def test_short_and_full_numbers_of_one_document_merge() -> None:
    found = documents(
        "Nghị định 87 quy định rõ.",
        "Tại Nghị định số 87/2015/NĐ-CP và Nghị quyết 19-2017/NQ-CP; Nghị quyết 19 và Nghị quyết "
        "19-2017 đều nêu.",
    )
    assert [d.number for d in found] == ["87/2015/NĐ-CP", "19-2017/NQ-CP"]
    assert [len(d.mentions) for d in found] == [2, 3]


def test_a_short_number_of_another_kind_does_not_merge() -> None:
    found = documents("Nghị quyết 25-NQ/TW và Chỉ thị 25 của Thủ tướng Chính phủ.")
    assert [(d.kind, d.number) for d in found] == [("Nghị quyết", "25-NQ/TW"), ("Chỉ thị", "25")]


def test_the_same_document_cited_twice_is_one_document() -> None:
    found = documents("Nghị quyết số 25-NQ/TW về công tác dân vận.", "Nghị quyết 25-NQ/TW nêu rõ.")
    assert len(found) == 1
    assert len(found[0].mentions) == 2


def test_lists_of_numbers_share_the_kind() -> None:
    found = documents("đã có 3 quyết định số 191/QĐ-UBND; 192/QĐ-UBND và 193/QĐ-UBND xử phạt")
    assert [(d.kind, d.number) for d in found] == [
        ("quyết định", "191/QĐ-UBND"),
        ("quyết định", "192/QĐ-UBND"),
        ("quyết định", "193/QĐ-UBND"),
    ]


def test_short_numbers_in_a_list() -> None:
    found = documents(
        "thực hiện Chỉ thị 15, 16 của Thủ tướng Chính phủ và Nghị định 19 và 20 người"
    )
    assert [(d.kind, d.number) for d in found] == [
        ("Chỉ thị", "15"),
        ("Chỉ thị", "16"),
        ("Nghị định", "19"),
    ]


def test_issued_after_the_issuer() -> None:
    document = one("Thông tư 15/2016/TT-BCA được Bộ Công an ban hành ngày 5/5/2016 quy định")
    assert (document.issuer, document.issued) == ("Bộ Công an", date(2016, 5, 5))


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch 5 năm giai đoạn 2021-2025 được trình Quốc hội.",
        "Quốc hội quyết định 2 kế hoạch phát triển.",
        "Điều 17 quy định rõ.",
        "Nghị quyết 1.000 trang",
        "Quyết định 3 người được khen thưởng.",
        "tổ dân phố số 28 - tập thể Bệnh viện 19-8",
        "ngày 11/6/2018 và 03-6-2013",
    ],
)
def test_no_document(text: str) -> None:
    assert [d for d in documents(text) if d.number is not None] == []


def test_named_laws_codes_and_articles() -> None:
    found = documents(
        "Hành vi vi phạm Điều 174 Bộ luật Hình sự và khoản 1, điểm a Điều 5 của Luật Phòng, "
        "chống tham nhũng năm 2018; Luật Công an nhân dân quy định; Luật Khoa học và công nghệ."
    )
    assert [(d.kind, d.number, d.as_written, d.provisions) for d in found] == [
        ("Bộ luật", None, "Bộ luật Hình sự", ("Điều 174",)),
        (
            "Luật",
            None,
            "Luật Phòng, chống tham nhũng năm 2018",
            ("khoản 1", "điểm a", "Điều 5"),
        ),
        ("Luật", None, "Luật Công an nhân dân", ()),
        ("Luật", None, "Luật Khoa học và công nghệ", ()),
    ]


def test_law_schools_are_not_laws() -> None:
    assert documents("Trường ĐH Luật TP.HCM và Cty Luật TNHH Trường Lộc") == ()


def test_plenums_and_congresses() -> None:
    found = documents(
        "Nghị quyết Trung ương 4 (khóa XII) và Nghị quyết Đại hội lần thứ XIII của Đảng;",
        "Nghị quyết Trung ương 8 khóa 13.",
    )
    assert [(d.as_written, d.term) for d in found] == [
        ("Nghị quyết Trung ương 4 (khóa XII)", 12),
        ("Nghị quyết Đại hội lần thứ XIII của Đảng", 13),
        ("Nghị quyết Trung ương 8 khóa 13", 13),
    ]


def test_term_from_a_national_assembly_number() -> None:
    assert one("theo Luật số 80/2015/QH13.").term == 13


def test_parsed_number() -> None:
    full = one("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư")
    assert full.parsed_number is not None
    assert full.parsed_number.type_name == "Nghị định"
    assert full.subject == "về công tác văn thư"
    assert one("Chỉ thị 16 của Thủ tướng").parsed_number is None


def test_hostile_text_stays_linear() -> None:
    for hostile in (
        "Nghị định " + "1/A-" * 25_000,
        "Nghị quyết số 1 của " + "Bộ " * 30_000,
        "Luật " + "A " * 50_000,
        "Nghị định 1/A-B " * 5_000,
    ):
        began = time.perf_counter()
        documents(hostile)
        assert time.perf_counter() - began < 5.0


# --- real articles ------------------------------------------------------------------------


def test_dev_corpus_scores(dev_scores: dict[str, Any]) -> None:
    """Documents F1 ≥ 0.95, kind and issued accuracy ≥ 0.97 on ../shared/corpus/dev."""
    result = dev_scores
    misses = [m for m in result["misses"] if ": document " in m]
    assert result["documents"]["f"] >= 0.95, misses
    assert result["doc_kind_acc"] >= 0.97
    assert result["doc_issued_acc"] >= 0.97


def test_no_date_is_taken_from_inside_a_document_number(shared_dir: Path) -> None:
    """On every unlabeled article, no full date found in the text overlaps a cited number."""
    files = sorted((shared_dir / "corpus" / "unlabeled").rglob("*.txt"))
    assert len(files) >= 1000
    numbered = 0
    for path in files:
        article = vnnews.parse_file(path)
        for document in article.documents:
            if document.number is None:
                continue
            numbered += 1
            for mention in document.mentions:
                block = getattr(article, mention.block)
                text = block if isinstance(block, str) else block[mention.index]
                number_at = max(mention.start, mention.end - len(document.number))
                for span in find_dates(text):
                    overlaps = span.start < mention.end and number_at < span.end
                    cited = text[mention.start : mention.end]
                    assert not overlaps, (
                        f"{path.name}: {text[span.start : span.end]!r} in {cited!r}"
                    )
    assert numbered >= 100


# --- the kind pattern ---------------------------------------------------------------------


_KIND_FRAGMENTS = [
    *(variant for kind in _KINDS for variant in (kind, kind.lower(), kind.upper(), kind[1:])),
    *(" ", "  ", "\n", "x", "1", "_", "-", "(", "K", "\u212a", "ſ", "İ", "ı", "Đ", "đ", "ố"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết liên tịch số 1, Nghị quyết 2, nghị  quyết\nliên tịch, Nghị quyếtx",
        "Thông tư liên tịchx Thông tư, Thông tri, THÔNG BÁO KẾT LUẬN, Thông báo kếtx",
        "xBộ luật, Bộ luật Hình sự, Luật, luật, Pháp lệnh, Sắc lệnh, ſắc lệnh, Lệnh",
        "Chương trình hành động; Chương trình hành; Kế hoạch, Kết luận, Quy chế, Quyết định",
        "Văn bản hợp nhất, Văn bản hợp, Đề án, đề án, Dự án, Hiến pháp, Hiệp định, Công ước",
        "_Luật 1Luật Luật_ Luật1 Công văn Công điện Quy trình Quy định Hướng dẫn Tờ trình",
    ],
)
def test_kind_trie_matches_the_flat_alternation(text: str) -> None:
    """The factored kind pattern finds exactly what the plain longest-first alternation finds."""
    flat = re.compile(rf"(?<![^\W_])(?P<kind>{_alternatives(_KINDS)})(?![^\W_])", re.IGNORECASE)
    assert [m.span() for m in _KIND.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert [m.span() for m in _KIND.finditer(text)]


def test_case_variants_are_every_character_a_letter_matches_ignoring_case() -> None:
    """_KIND writes each kind's first letter in these cases: no other character matches it."""
    firsts = "".join({kind[0] for kind in _KINDS})
    any_first = re.compile(f"[{firsts}]", re.IGNORECASE)
    matching = [chr(c) for c in range(0x110000) if any_first.fullmatch(chr(c))]
    for first in firsts:
        same = re.compile(re.escape(first), re.IGNORECASE)
        assert _case_variants(first) == sorted(c for c in matching if same.fullmatch(c))


@given(st.lists(st.sampled_from(_KIND_FRAGMENTS), max_size=12).map("".join))
def test_kind_pattern_matches_the_case_insensitive_trie(text: str) -> None:
    """First letters as written in each case find what the case-insensitive trie finds."""
    trie = re.compile(rf"(?<![^\W_])(?P<kind>{_trie(_KINDS)})(?![^\W_])", re.IGNORECASE)
    assert [(m.span(), m["kind"]) for m in _KIND.finditer(text)] == [
        (m.span(), m["kind"]) for m in trie.finditer(text)
    ]
    for pos in range(len(text) + 1):
        found, expected = _KIND.match(text, pos), trie.match(text, pos)
        assert (found and found.span()) == (expected and expected.span())


# --- the fast paths: each must find what the slow path finds ------------------------------

_FRAGMENTS = [
    *(variant for kind in _KINDS for variant in (kind, kind.lower(), kind.upper(), kind.title())),
    *("số", "Số", "SỐ", "so", "ſố", " ", "  ", "\n", "\xa0", ":", " : ", ",", ";", ".", "(", "“"),
    *("25", "1", "2013", "3/6/2013", "15/2015", "/", "-", "–", "NQ", "TW", "-NQ/TW", "/QĐ-UBND"),
    *("/2013/QH13", "-CTr/ĐUCA-V28", "Trung ương", "trung ương", "Đại hội", "đại hội", "XII"),
    *("khóa XI", "lần thứ", "Hình sự", "Đất đai", "của", "ngày", "về", "và", "Công an", "năm"),
    *(
        "ban hành",
        "đã ký",
        "x",
        "1x",
        ". ",
        ".",
        "!",
        "?",
        "1.000",
        "İ",
        "ı",
        "\u212a",
        "٣",
        "Bộ",
        "Điều 5",
        "khoản 2",
    ),
]
_SPACES = st.sampled_from(["", " ", "  ", "\n", " : ", ":"])
# A citation's usual shape, so that the examples cite often: kind, "số", a number, a tail.
_CITATION = st.tuples(
    st.sampled_from(_FRAGMENTS[: 4 * len(_KINDS)]),
    _SPACES,
    st.sampled_from(["", "số", "Số", "SỐ", "khẩn số", "Đất đai, số", "1.000 số", "Trung ương"]),
    _SPACES,
    st.sampled_from(["25", "25-NQ/TW", "45/2013/QH13", "15/2015", "4, 6 khóa XII", "x"]),
    st.sampled_from(["", " ngày 3/6/2013", " của Bộ Công an", " về", ","]),
).map("".join)
_TEXTS = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), _CITATION), max_size=12).map("".join)


_SENTENCES = st.lists(_TEXTS, max_size=5).map(lambda texts: ". ".join(texts) + "!")


@given(st.lists(st.one_of(_TEXTS, _SENTENCES), min_size=1, max_size=4))
def test_reading_the_citing_clauses_finds_every_citation(texts: list[str]) -> None:
    """Reading only :func:`_citing_clauses` equals reading every kind in each text.

    The texts are scanned together: an anchor at the end of one text and the words
    at the start of the next must not make one, nor hide one.
    """
    for text, clauses in zip(texts, _citing_clauses(texts), strict=True):
        everything = _Reader(TextBlock("paragraphs", 0, text)).read()
        assert _Reader(TextBlock("paragraphs", 0, text)).read(clauses) == everything
        if everything:
            assert clauses


def test_only_the_plain_capital_is_a_capitalised_first_letter() -> None:
    """The gate looks for "L", "H"… where _KIND takes any upper-case letter matching "l", "h"….

    Under IGNORECASE a letter also matches a few look-alikes (the Kelvin sign matches "k");
    none of those is an upper-case form of a named kind's first letter.
    """
    firsts = {kind[0].lower() for kind in _NAMED_KINDS}
    letter = re.compile(f"[{''.join(sorted(firsts))}]", re.IGNORECASE)
    capitals = {
        c for c in map(chr, range(0x110000)) if c.isupper() and letter.fullmatch(c) is not None
    }
    assert capitals == {first.upper() for first in firsts}


_DATE_FRAGMENTS = [
    *("ngày", "Ngày", "NGÀY", " ", "  ", "\n", "3", "03", "6", "12", "25", "2013", "/", "-", "."),
    *(",", "tháng", "năm", ". ", ".\n", ";", "(", ")", "“", "”", '"', "!", "?", ":", "x", "số"),
    *("1.000", "3/6/2013", "25 tháng 12 năm 2001", "11.6.2018", "31/02/2020", "-NQ/TW", "ký"),
]


@given(st.lists(st.sampled_from(_DATE_FRAGMENTS), max_size=24).map("".join))
def test_the_dates_of_a_clause_are_the_blocks_dates_there(text: str) -> None:
    """Dates read clause by clause answer every question the reader asks as the block's do."""
    reader = _Reader(TextBlock("paragraphs", 0, text))
    whole = find_dates(text)
    by_start = {d.start: d for d in whole}
    seen = {}
    for pos in range(len(text) + 1):
        clause = reader.clause_dates(pos)
        seen.update(clause.starts)
        assert clause.starts.get(pos) == by_start.get(pos)  # "a date starts here"
        # "the last date before here", unless a clause break stands between
        before = [d for d in whole if d.end <= pos]
        in_clause = [d for d in clause.spans if d.end <= pos]
        if in_clause[-1:] != before[-1:]:
            assert not in_clause
            assert _CLAUSE_BREAK.search(text[before[-1].end : pos])
    assert sorted(seen.values(), key=lambda d: d.start) == whole


def _signed_before_reference(text: str, start: int) -> tuple[date | None, str | None]:
    """_Reader._signed_before as first written: all the block's dates, no shortcut."""
    found = find_dates(text)
    ends = [d.end for d in found]
    last = bisect.bisect_right(ends, start) - 1
    if last < 0 or start - ends[last] > 100:
        return None, None
    between = text[found[last].end : start]
    if _CLAUSE_BREAK.search(between) or not between.rstrip().endswith(("ký", "hành")):
        return None, None
    m = _SIGNED_BEFORE.search(between)
    if m is None:
        return None, None
    return found[last].value, " ".join((m["issuer"] or "").split()) or None


@given(st.lists(st.sampled_from([*_DATE_FRAGMENTS, " " * 30, "ngày 1/1/2001", "1,"]), max_size=24))
def test_a_date_at_a_place_is_the_clauses_date_there(fragments: list[str]) -> None:
    """_Reader.date_at (a window first, the clause where it must) answers as the clause does."""
    text = "".join(fragments)
    reader = _Reader(TextBlock("paragraphs", 0, text))
    for pos in range(len(text) + 1):
        assert reader.date_at(pos) == reader.clause_dates(pos).starts.get(pos)


_SIGNING_FRAGMENTS = [
    *_DATE_FRAGMENTS,
    *("đã ký", "ký", "ban hành", "đã ký ban hành", "Thủ tướng Chính phủ", "Bộ Y tế", "hành"),
    *(" " * 40, "Quyết định", "Nghị định số 5"),
    *("ngày 6/2/2017, Thủ tướng đã ký ban hành ", "3/6/2013 ký ", "ngày 3/6/2013 Bộ Y tế ban hành"),
]


@given(st.lists(st.sampled_from(_SIGNING_FRAGMENTS), max_size=16).map("".join))
def test_signed_before_reads_dates_only_where_they_can_count(text: str) -> None:
    """The shortcuts (clause dates, the "ký"/"ban hành" test first) change no answer."""
    reader = _Reader(TextBlock("paragraphs", 0, text))
    for start in range(len(text) + 1):
        assert reader._signed_before(start) == _signed_before_reference(text, start)  # noqa: SLF001


@given(st.text(alphabet='.;!?()“”" \n\xa0\u2028x1,', max_size=40))
def test_date_breaks_are_the_clause_marks_that_end_a_clause_for_dates(text: str) -> None:
    """_DATE_BREAK finds the marks ; ! ? and a full stop before white space, as listed."""
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    expected = [
        i for i in marks if text[i] in ";!?" or (text[i] == "." and text[i + 1 : i + 2].isspace())
    ]
    assert [m.start() for m in _DATE_BREAK.finditer(text)] == expected


def test_white_space_in_patterns_is_str_isspace() -> None:
    r"""``\s`` after a full stop (:data:`_DATE_BREAK`) is what str.isspace calls white space."""
    space = re.compile(r"\s")
    assert all(
        bool(space.match(chr(c))) == chr(c).isspace()
        for c in range(0x110000)
        if c < 0xD800 or c > 0xDFFF
    )
