"""The layout parser on each layout, datelines, bytes input and its errors."""

from __future__ import annotations

import gc
import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from unittest import mock

import pytest
from dateutil import parser as dateutil_parser
from hypothesis import given
from hypothesis import strategies as st

import vnnews
from vnnews import _layout as layout_module
from vnnews import _normalize
from vnnews._dates import find_dates, format_dateline, parse_dateline
from vnnews._encodings import LINE_BREAKS
from vnnews._errors import ParseError
from vnnews._layout import Layout
from vnnews._normalize import clean_line, fold
from vnnews._parse import BIG_INPUT

VN = timezone(timedelta(hours=7))


class TestFoundingArticle:
    """The bocongan.gov.vn layout: dateline, title, paragraphs, twice-printed captions."""

    article = vnnews.parse(vnnews.example_text())

    def test_dateline_is_vietnam_time(self) -> None:
        published = self.article.published
        assert published == datetime(2018, 6, 12, 8, 55, tzinfo=VN)
        assert isinstance(published, datetime)
        assert published.utcoffset() == timedelta(hours=7)

    def test_title_and_lead(self) -> None:
        assert self.article.title == (
            "Nâng cao hiệu quả công tác dân vận trong lực lượng CAND trong tình hình mới"
        )
        assert self.article.lead is not None
        assert self.article.lead.startswith("Chiều 11/6/2018, tại Hà Nội, đã diễn ra buổi làm việc")

    def test_captions_are_folded_to_one_copy(self) -> None:
        assert self.article.captions == (
            "Toàn cảnh buổi làm việc.",
            "Thượng tướng Tô Lâm phát biểu tại buổi làm việc.",
            "Đồng chí Trương Thị Mai; Thượng tướng Tô Lâm cùng các đại biểu dự buổi làm việc.",
        )
        assert not set(self.article.captions) & set(self.article.paragraphs)

    def test_noise_lines_are_dropped_and_source_kept(self) -> None:
        assert self.article.source == "Bộ Công an"
        assert "." not in self.article.paragraphs
        assert all(p.strip() for p in self.article.paragraphs)
        assert self.article.paragraphs[-1].startswith("Bên cạnh đó")
        assert len(self.article.paragraphs) == 5
        assert self.article.warnings == ()


class TestDatelines:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("Thứ Ba, 12/06/2018, 08:55 [GMT+7]", datetime(2018, 6, 12, 8, 55, tzinfo=VN)),
            ("Thứ tư, 7/2/2024, 23:41 (GMT+7)", datetime(2024, 2, 7, 23, 41, tzinfo=VN)),
            ("Chủ nhật, 18/2/2024, 08:45 (GMT+7)", datetime(2024, 2, 18, 8, 45, tzinfo=VN)),
            ("14/01/2026 16:13 GMT+7", datetime(2026, 1, 14, 16, 13, tzinfo=VN)),
            ("12/06/2018 - 08:55", datetime(2018, 6, 12, 8, 55, tzinfo=VN)),
            ("12-06-2018 08:55", datetime(2018, 6, 12, 8, 55, tzinfo=VN)),
            ("Thứ Ba, 12/06/2018, 08:55 GMT+07:00", datetime(2018, 6, 12, 8, 55, tzinfo=VN)),
            ("20200918", date(2020, 9, 18)),
            ("2018-06-12", date(2018, 6, 12)),
            ("2018-06-12T08:55:00+07:00", datetime(2018, 6, 12, 8, 55, tzinfo=VN)),
            ("CN, 10/9/2023", date(2023, 9, 10)),
        ],
    )
    def test_forms(self, line: str, expected: date) -> None:
        parsed = parse_dateline(line)
        assert parsed is not None
        assert parsed.value == expected
        assert type(parsed.value) is type(expected)
        assert parsed.problem is None

    def test_gmt_plus_7_is_east_of_utc_unlike_dateutil(self) -> None:
        # dateutil reads "GMT+7" the POSIX way, as UTC-7: we must not.
        posix = dateutil_parser.parse("12/06/2018 08:55 GMT+7", dayfirst=True)
        assert posix.utcoffset() == timedelta(hours=-7)
        ours = parse_dateline("12/06/2018 08:55 GMT+7")
        assert ours is not None
        assert isinstance(ours.value, datetime)
        assert ours.value.utcoffset() == timedelta(hours=7)

    @pytest.mark.parametrize(
        "line",
        ["31/02/2020", "12/13/2018", "Thứ Ba, 12/06/2018, 25:00", "Thứ Mười, 12/6/2018", "Hà Nội"],
    )
    def test_impossible_or_foreign_lines_are_not_datelines(self, line: str) -> None:
        assert parse_dateline(line) is None

    def test_weekday_that_disagrees_is_reported_not_accepted_silently(self) -> None:
        article = vnnews.parse("Thứ Hai, 12/06/2018, 08:55 [GMT+7]\n\nTiêu đề\n\nMở đầu bài.\n")
        assert article.published == datetime(2018, 6, 12, 8, 55, tzinfo=VN)
        (warning,) = article.warnings
        assert warning.code == "weekday-mismatch"
        assert warning.line == 1
        assert "Thứ Ba" in warning.message

    def test_header_date_it_cannot_read_is_kept_and_reported(self) -> None:
        article = vnnews.parse("Title: Tiêu đề\nPublished Date: hôm qua\nContent: Nội dung bài.")
        assert article.published is None
        assert ("Published Date", "hôm qua") in article.extra
        assert [w.code for w in article.warnings] == ["unreadable-date"]

    def test_format_then_parse_is_identity(self) -> None:
        for value in (
            datetime(2024, 2, 29, 0, 0, tzinfo=VN),
            datetime(2024, 2, 29, 23, 59, 7, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            datetime(1999, 12, 31, 12, 0, tzinfo=timezone(timedelta(hours=-3))),
            date(2000, 1, 1),
        ):
            parsed = parse_dateline(format_dateline(value))
            assert parsed is not None
            assert parsed.value == value
            assert parsed.problem is None


class TestOtherLayouts:
    def test_key_value_header(self) -> None:
        text = (
            "Title: Công binh Việt Nam 'làm thay đổi diện mạo Abyei' - VnExpress\n"
            "Source: VnExpress\n"
            "Link: https://vnexpress.net/a-1.html\n"
            "Published Date: Thứ năm, 19/10/2023, 17:55 (GMT+7)\n"
            "Author: Nguyễn Tiến (Theo AFP)\n"
            "Tags: công binh, Abyei\n"
            "Summary: Đội công binh đã làm thay đổi diện mạo ...\n"
            "Content: Đội công binh đã làm thay đổi diện mạo Abyei. Ngày 19/10, Bộ Quốc phòng "
            "tổng kết nhiệm kỳ. Sơn Hà\n"
        )
        article = vnnews.parse(text)
        assert article.title == "Công binh Việt Nam 'làm thay đổi diện mạo Abyei'"
        assert article.source == "VnExpress"
        assert article.url == "https://vnexpress.net/a-1.html"
        assert article.published == datetime(2023, 10, 19, 17, 55, tzinfo=VN)
        assert article.authors == ("Nguyễn Tiến", "Sơn Hà")
        assert article.credits == ("Theo AFP",)
        assert article.tags == ("công binh", "Abyei")
        assert article.lead == "Đội công binh đã làm thay đổi diện mạo Abyei."
        assert article.paragraphs == ("Ngày 19/10, Bộ Quốc phòng tổng kết nhiệm kỳ.",)

    def test_header_value_continued_on_next_line(self) -> None:
        article = vnnews.parse("Title: Tóc đẹp\nAuthor: \nSao Mai\nTags: tóc\nContent: Bài viết.")
        assert article.authors == ("Sao Mai",)
        assert article.tags == ("tóc",)
        assert article.lead == "Bài viết."

    def test_hash_header_title_only_when_the_url_was_made_from_it(self) -> None:
        url = "https://dantri.com.vn/xa-hoi/tphcm-se-co-19-quan-2020.htm"
        head = f"# doc_id = news_1\n# url = {url}\n"
        head += "# date = 20201001\n"
        with_title = vnnews.parse(
            head + "TPHCM sẽ có 19 quận\nMở đầu bài.\nThân bài.\nPhương Thảo\n"
        )
        assert with_title.title == "TPHCM sẽ có 19 quận"
        assert with_title.published == date(2020, 10, 1)
        assert with_title.lead == "Mở đầu bài."
        assert with_title.paragraphs == ("Thân bài.",)
        assert with_title.authors == ("Phương Thảo",)
        assert ("doc_id", "news_1") in with_title.extra
        without = vnnews.parse(head + "Một câu mở đầu không phải tiêu đề\nThân bài.\n")
        assert without.title is None
        assert without.lead == "Một câu mở đầu không phải tiêu đề"

    def test_plain_layout_with_byline_and_source_run_into_the_body(self) -> None:
        article = vnnews.parse(
            "Bí thư tỉnh Yên Bái: Dừng ngay hủ tục\nMở đầu bài báo.\n"
            "Câu một của thân bài. Câu hai kết thúc. Theo Trí Thức Trẻ\n"
        )
        assert article.title == "Bí thư tỉnh Yên Bái: Dừng ngay hủ tục"
        assert article.lead == "Mở đầu bài báo."
        assert article.paragraphs == ("Câu một của thân bài. Câu hai kết thúc.",)
        assert article.source == "Trí Thức Trẻ"

    @pytest.mark.parametrize(
        ("tail", "authors", "notes"),
        [
            ("Hiền Minh (Tổng hợp)", ("Hiền Minh",), ("Tổng hợp",)),
            ("Khánh An", ("Khánh An",), ()),
            ("Clip đua xe gây tai nạn Thanh Thanh", ("Thanh Thanh",), ()),
        ],
    )
    def test_bylines_at_the_end_of_a_one_line_body(
        self, tail: str, authors: tuple[str, ...], notes: tuple[str, ...]
    ) -> None:
        article = vnnews.parse(f"Tiêu đề\nMở đầu.\nThân bài kết thúc. {tail}\n")
        assert article.authors == authors
        assert article.credits == notes

    def test_name_inside_a_sentence_is_not_a_byline(self) -> None:
        article = vnnews.parse(
            "Tiêu đề\nMở đầu.\nCâu đầu. Cuộc gặp với Thủ tướng Phạm Minh Chính\n"
        )
        assert article.authors == ()
        assert article.paragraphs == ("Câu đầu. Cuộc gặp với Thủ tướng Phạm Minh Chính",)

    @pytest.mark.parametrize(
        ("line", "source"),
        [
            ("Nguồn: Bộ Công an", "Bộ Công an"),
            ("Theo TTXVN", "TTXVN"),
            ("(Theo Reuters)", "Reuters"),
            ("TTXVN/Tin Tức", "TTXVN/Tin Tức"),
            ("Source: Reuters", "Reuters"),
        ],
    )
    def test_closing_source_lines(self, line: str, source: str) -> None:
        article = vnnews.parse(f"Tiêu đề\n\nMở đầu.\n\nThân bài.\n\n{line}\n")
        assert article.source == source
        assert article.paragraphs == ("Thân bài.",)

    def test_sentence_starting_with_theo_is_not_a_source(self) -> None:
        article = vnnews.parse(
            "Tiêu đề\n\nMở đầu.\n\nTheo kế hoạch, hội nghị diễn ra vào tháng 6.\n"
        )
        assert article.source is None
        assert article.paragraphs == ("Theo kế hoạch, hội nghị diễn ra vào tháng 6.",)


class TestInput:
    def test_empty_and_blank_text_give_an_empty_article(self) -> None:
        assert vnnews.parse("") == vnnews.Article()
        assert vnnews.parse(" \n\u00a0\n.\n") == vnnews.Article()

    @pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
    def test_bytes_in_unicode_encodings(self, codec: str) -> None:
        text = vnnews.example_text()
        assert vnnews.parse(text.encode(codec)) == vnnews.parse(text)

    def test_crlf_and_nfd_give_the_same_article(self) -> None:
        text = vnnews.example_text()
        assert vnnews.parse(text.replace("\n", "\r\n")) == vnnews.parse(text)
        assert vnnews.parse(unicodedata.normalize("NFD", text)) == vnnews.parse(text)

    def test_undecodable_bytes_raise_our_error_with_line_and_column(self) -> None:
        data = "Tiêu đề\n\nMở".encode() + b"\xff\xfe" + " đầu".encode()
        with pytest.raises(vnnews.DecodeError) as info:
            vnnews.parse(data)
        assert isinstance(info.value, ValueError)
        assert info.value.line == 3
        assert info.value.column == 3
        assert "line 3, column 3" in str(info.value)
        assert "UTF-8" in str(info.value)

    def test_explicit_encoding(self) -> None:
        # "Thượng tướng\n\nMở đầu." in Windows-1258, tone marks as combining bytes
        data = b"Th\xfd\xf5\xf2ng t\xfd\xf5\xecng\n\nM\xf5\xd2 \xf0\xe2\xccu."
        article = vnnews.parse(data, encoding="cp1258")
        assert article.title == "Thượng tướng"
        assert article.lead == "Mở đầu."
        with pytest.raises(vnnews.DecodeError, match="unknown encoding"):
            vnnews.parse(b"abc", encoding="no-such-codec")

    def test_parse_file_names_the_file_in_errors(self, tmp_path: Path) -> None:
        missing = f"{tmp_path}/missing.txt"
        with pytest.raises(vnnews.ParseError, match=r"missing\.txt"):
            vnnews.parse_file(missing)

    def test_wrong_type_is_a_type_error(self) -> None:
        with pytest.raises(TypeError, match="str or bytes"):
            vnnews.parse(42)  # type: ignore[arg-type]


def test_to_text_of_the_founding_article_is_a_fixed_point() -> None:
    article = vnnews.parse(vnnews.example_text())
    text = vnnews.to_text(article)
    assert text.startswith("Thứ Ba, 12/06/2018, 08:55 [GMT+7]\n\nNâng cao hiệu quả")
    assert text.endswith("\n\nNguồn: Bộ Công an\n\n")
    assert vnnews.parse(text) == article
    assert vnnews.to_text(vnnews.parse(text)) == text


class TestFindDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của", ["ngày 03/6/2013"]),
            ("Nghị định 116/2010/NĐ-CP, ngày 24-12-2010,", ["ngày 24-12-2010"]),
            ("ngày 25 tháng 12 năm 2001", ["ngày 25 tháng 12 năm 2001"]),
            ("Chiều 11.6.2018, tại Hà Nội", ["11.6.2018"]),
            ("7/2/2024 và 8/2/2024", ["7/2/2024", "8/2/2024"]),
        ],
    )
    def test_spans(self, text: str, expected: list[str]) -> None:
        assert [text[d.start : d.end] for d in find_dates(text)] == expected

    @pytest.mark.parametrize(
        "text",
        ["01/2011/TT-BNV", "1.000.000 đồng", "ngày 31/02/2020", "số 1.2.2018.5", "05 năm qua"],
    )
    def test_no_date_inside_numbers_or_impossible(self, text: str) -> None:
        assert find_dates(text) == []


# --- fast paths equal their slow definitions ----------------------------------------------

# Every code point, lone surrogates included: claims about "no character does X" are
# checked on all of them rather than on a sample.
ALL_CHARS = "".join(map(chr, range(sys.maxunicode + 1)))

# The fast paths' parts, under test.
fold_uncached = _normalize._fold  # noqa: SLF001
fold_cache = _normalize._fold_cached  # noqa: SLF001
SPECIAL = _normalize._SPECIAL  # noqa: SLF001
NORMALIZE_SUBS = (_normalize._LINE_BREAKS, _normalize._INVISIBLE)  # noqa: SLF001
read_byline = layout_module._read_byline  # noqa: SLF001
slug = layout_module._slug  # noqa: SLF001
sentence_end = layout_module._sentence_end  # noqa: SLF001
last_sentence_end = layout_module._last_sentence_end  # noqa: SLF001

# Text made mostly of what the fast paths test for: line breaks of every kind, invisible
# characters, lone surrogates, tones as combining marks, look-alike letters, spaces.
TRICKY = st.text(
    st.one_of(
        st.sampled_from(
            "aA Ðð\u00a0\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029\u200b\u200c\u200d\u2060"
            "\ufeff\u00ad\ud800\udbff\udc00\udfff\u0300\u0301\u0302\u0303\u0309\u0323\u031b"
            "ơưêồỘĐđİıßẞﬃΣς.,;:-–()"
        ),
        st.characters(),
    ),
    max_size=40,
)


def slow_normalize_text(text: str, piece: int) -> str:
    """normalize_text as first written: a regex for each step, in pieces of ``piece``."""
    if (bad := re.search("[\ud800-\udfff]", text)) is not None:
        before = text[: bad.start()]
        breaks = list(LINE_BREAKS.finditer(before))
        column = bad.start() - (breaks[-1].end() if breaks else 0) + 1
        raise ParseError(
            f"lone surrogate U+{ord(bad[0]):04X} is not a character",
            line=len(breaks) + 1,
            column=column,
        )
    pieces = []
    start = 0
    while start < len(text):
        cut = re.compile("[\x00-\x09\x0b-\x7f]").search(text, start + piece)
        end = cut.start() if cut else len(text)
        chunk = re.sub(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]", "\n", text[start:end])
        chunk = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", chunk)
        pieces.append(unicodedata.normalize("NFC", chunk))
        start = end
    return "".join(pieces)


def outcome(function: Callable[[], object]) -> object:
    """What calling ``function`` gives: its value, or its exception's type, text and args."""
    try:
        return function()
    except Exception as exc:  # noqa: BLE001 - any difference is the finding
        return (type(exc), str(exc), exc.args)


class TestNormalizeFastPath:
    @given(TRICKY, st.integers(1, 12))
    def test_equals_the_slow_definition(
        self, from_source: Callable[[str], ModuleType], text: str, piece: int
    ) -> None:
        # Small pieces, set on the module run from source: compiled code reads the
        # constant where it was compiled (the other tests run it with its own pieces).
        module = from_source("vnnews._normalize")
        with mock.patch.object(module, "_PIECE", piece):
            fast = outcome(lambda: module.normalize_text(text))
        assert fast == outcome(lambda: slow_normalize_text(text, piece))

    def test_special_characters_are_all_those_the_regexes_change(self) -> None:
        changed = {char for pattern in NORMALIZE_SUBS for char in pattern.findall(ALL_CHARS)}
        assert changed == set(SPECIAL)

    def test_utf16_encoder_refuses_exactly_the_surrogates(self) -> None:
        surrogates = range(0xD800, 0xE000)
        ALL_CHARS[:0xD800].encode("utf-16-le")
        ALL_CHARS[0xE000:].encode("utf-16-le")
        for code in surrogates:
            with pytest.raises(UnicodeEncodeError):
                f"a{chr(code)}b".encode("utf-16-le")


def slow_fold(text: str) -> str:
    """fold as first written: a character at a time."""
    words = []
    tones = frozenset("\u0300\u0301\u0303\u0309\u0323")
    for word in unicodedata.normalize("NFD", text.translate(str.maketrans("Ðð", "Đđ"))).split():
        marks = "".join(sorted(c for c in word if c in tones))
        base = "".join(c for c in word if c not in tones)
        words.append(unicodedata.normalize("NFC", base).casefold() + marks)
    return " ".join(words)


class TestFoldFastPath:
    @given(st.one_of(TRICKY, st.text()))
    def test_equals_the_slow_definition(self, text: str) -> None:
        assert fold(text) == slow_fold(text)
        assert fold_uncached(text) == slow_fold(text)

    @given(st.text(st.characters(max_codepoint=0x7F)))
    def test_ascii_equals_the_slow_definition(self, text: str) -> None:
        assert fold_uncached(text) == slow_fold(text)

    def test_long_text_is_not_cached(self) -> None:
        text = "Nguyễn Văn A " * 20
        before = fold_cache.cache_info().currsize
        assert fold(text) == slow_fold(text)
        assert fold_cache.cache_info().currsize == before

    def test_every_single_character(self) -> None:
        for char in ALL_CHARS:
            assert fold_uncached(char) == slow_fold(char)


class TestCleanLineFastPath:
    @given(st.one_of(TRICKY, st.text()))
    def test_equals_the_slow_definition(self, line: str) -> None:
        assert clean_line(line) == re.sub(r"[^\S\n]{2,}|[^\S\n ]", " ", line).strip()

    def test_the_plain_space_is_the_only_printable_white_space(self) -> None:
        assert [c for c in re.findall(r"\s", ALL_CHARS) if c.isprintable()] == [" "]

    def test_regex_and_str_agree_on_white_space(self) -> None:
        assert re.findall(r"\s", ALL_CHARS) == [c for c in ALL_CHARS if c.isspace()]


# Bylines, names, credits, separators and what rules a text out: every character class
# the byline prefilter decides on.
BYLINE_WORDS = ["Nguyễn", "Văn", "Phương", "Thảo", "và", "Và", "ĐẢNG", "(Tổng hợp)", "(Theo AFP)"]
BYLINE_PIECES = st.sampled_from([*BYLINE_WORDS, *"A,;-–()1²Ⅻ_.xǅ:'\t\xa0", "  ", " - ", "( )"])
NAME_WORDS = st.sampled_from(["Nguyễn", "Văn", "Thảo", "A", "Lê", "Đỗ"])
SEPARATORS = st.sampled_from(
    [",", ", ", " ,", ";", " - ", " – ", " và ", "  và\t", "-", "\xa0–\xa0"]
)


@st.composite
def bylines(draw: st.DrawFn) -> str:
    """Names joined by separators, a credit perhaps, and perhaps one character of noise."""
    text = ""
    for _ in range(draw(st.integers(1, 4))):
        text += " ".join(draw(st.lists(NAME_WORDS, min_size=2, max_size=6)))
        text += draw(SEPARATORS)
    text = text[: -draw(st.integers(0, 3)) or None] + draw(st.sampled_from(["", " (Tổng hợp)"]))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(BYLINE_PIECES) + text[at:]
    return text


def slow_read_byline(text: str, out: Layout) -> bool:
    """_read_byline as first written: split whatever the text, then look at the pieces."""
    found: list[str] = []
    end = len(text)
    while m := layout_module._CREDIT.search(text, max(0, end - 64), end):  # noqa: SLF001
        if not (credit := m["credit"].strip()):
            break
        found.append(credit)
        end = m.start()
        while end and text[end - 1].isspace():
            end -= 1
    found.reverse()
    rest = text[:end]
    names = re.split(r"\s*(?:,|;|\s[-–]\s|\svà\s)\s*", rest) if rest else []
    if not all(layout_module._is_name(n) for n in names) or not (names or found):  # noqa: SLF001
        return False
    for name in names:
        out.add_author(name)
    out.credits.extend(found)
    return True


class TestLayoutFastPaths:
    @given(bylines())
    def test_byline_equals_the_slow_definition(self, text: str) -> None:
        fast, slow = Layout(), Layout()
        assert read_byline(text, fast) == slow_read_byline(text, slow)
        assert fast == slow

    @given(st.one_of(st.lists(BYLINE_PIECES, max_size=12).map(" ".join), st.text()))
    def test_any_byline_equals_the_slow_definition(self, text: str) -> None:
        fast, slow = Layout(), Layout()
        assert read_byline(text, fast) == slow_read_byline(text, slow)
        assert fast == slow

    @given(st.lists(BYLINE_PIECES, max_size=12).map("".join))
    def test_byline_without_spaces_equals_the_slow_definition(self, text: str) -> None:
        fast, slow = Layout(), Layout()
        assert read_byline(text, fast) == slow_read_byline(text, slow)
        assert fast == slow

    @given(st.one_of(TRICKY, st.text()))
    def test_slug_equals_the_slow_definition(self, text: str) -> None:
        decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        slow = "".join(c for c in decomposed.casefold() if c.isascii() and c.isalnum())
        assert slug(text) == slow


ENDS, CLOSERS = frozenset(".!?…"), frozenset('"”’»)]')
SENTENCES = st.one_of(st.text(st.sampled_from('.!?…"”’»)] ab\xa0')), st.text())


def slow_sentence_end(text: str, start: int) -> int:
    """_sentence_end as first written: a character at a time."""
    index = start
    while index < len(text):
        if text[index] in ENDS:
            index += 1
            while index < len(text) and (text[index] in ENDS or text[index] in CLOSERS):
                index += 1
            if index == len(text) or text[index] == " ":
                return index
        else:
            index += 1
    return len(text)


def slow_last_sentence_end(text: str) -> int:
    """_last_sentence_end as first written: a character at a time from the end."""
    trimmed = text.rstrip("".join(CLOSERS))
    if trimmed and trimmed[-1] in ENDS:
        return len(text)
    index = len(text) - 1
    while index >= 0:
        if text[index] in ENDS:
            end = index + 1
            while end < len(text) and text[end] in CLOSERS:
                end += 1
            if end < len(text):
                return end
        index -= 1
    return 0


class TestSentenceEnds:
    @given(SENTENCES, st.data())
    def test_sentence_end_equals_the_slow_definition(self, text: str, data: st.DataObject) -> None:
        start = data.draw(st.integers(0, len(text)))
        assert sentence_end(text, start) == slow_sentence_end(text, start)

    @given(SENTENCES)
    def test_last_sentence_end_equals_the_slow_definition(self, text: str) -> None:
        assert last_sentence_end(text) == slow_last_sentence_end(text)


def test_parse_leaves_no_cyclic_garbage() -> None:
    """What lets parse pause the collector on big inputs: it makes no reference cycles."""
    texts = [
        vnnews.example_text(),
        "Thứ Ba, 12/06/2018\n\nTiêu đề\n\nẢnh.\nẢnh.\n",
        "a " + "." * 500,
    ]
    vnnews.parse(texts[0])
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            vnnews.parse(text)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
def test_big_input_leaves_the_collector_as_it_was(enabled: bool) -> None:
    text = "Tiêu đề\n\n" + "Mở đầu. " * (BIG_INPUT // 8 + 1)
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        vnnews.parse(text)
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
