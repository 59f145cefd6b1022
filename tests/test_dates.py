"""Date expressions: forms, ranges, relative dates, the dateparser cases, what is no date."""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from types import ModuleType
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnnews
from vnnews import _dates
from vnnews._data import rows
from vnnews._dates import VIETNAM, DateExpression, find_date_expressions, find_dates, resolve_year

REF = date(2018, 6, 12)


def only(text: str, reference: date | datetime | None = REF) -> DateExpression:
    found = find_date_expressions(text, reference)
    assert len(found) == 1, (text, found)
    return found[0]


# --- forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11/6/2018", date(2018, 6, 11)),
        ("11/06/2018", date(2018, 6, 11)),
        ("11-6-2018", date(2018, 6, 11)),
        ("11.6.2018", date(2018, 6, 11)),
        ("ngày 11 tháng 6 năm 2018", date(2018, 6, 11)),
        ("ngày 05 tháng 3 năm 2020", date(2020, 3, 5)),
        ("ngày 11 tháng Sáu năm 2018", date(2018, 6, 11)),
        ("ngày 11/6", date(2018, 6, 11)),
        ("hôm 6/3", date(2018, 3, 6)),
        ("Thứ Ba, 12/06/2018", date(2018, 6, 12)),
    ],
)
def test_day_forms(text: str, expected: date) -> None:
    found = only(f"Theo kế hoạch, {text}, đoàn công tác làm việc.")
    assert found.date == expected
    assert found.precision == "day"


def test_spans_cover_the_expression() -> None:
    text = "Chiều 11/6/2018, tại Hà Nội"
    found = only(text)
    assert text[found.start : found.end] == "Chiều 11/6/2018"
    assert (found.part_of_day, found.year_known) == ("chiều", True)


@pytest.mark.parametrize(
    ("text", "precision", "expected"),
    [
        ("tháng 6/2018", "month", date(2018, 6, 1)),
        ("tháng 6 năm 2018", "month", date(2018, 6, 1)),
        ("quý I/2025", "quarter", date(2025, 1, 1)),
        ("năm 2018", "year", date(2018, 1, 1)),
    ],
)
def test_wider_forms(text: str, precision: str, expected: date) -> None:
    found = only(f"Trong {text}, kết quả tốt.")
    assert (found.precision, found.date) == (precision, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8 giờ 30", clock(8, 30)),
        ("lúc 8h30", clock(8, 30)),
        ("08:55", clock(8, 55)),
        ("lúc 14 giờ", clock(14, 0)),
        ("08 giờ 30 phút", clock(8, 30)),
        ("8g30", clock(8, 30)),
        ("2 giờ chiều", clock(14, 0)),
        ("10 giờ đêm", clock(22, 0)),
    ],
)
def test_times(text: str, expected: clock) -> None:
    found = only(f"Bắt đầu {text} thì đoàn tới.")
    assert (found.precision, found.time) == ("time", expected)


def test_time_joins_its_date() -> None:
    found = only("dự kiến tổ chức vào 20h ngày 1/5", date(2021, 4, 27))
    assert (found.date, found.time) == (date(2021, 5, 1), clock(20, 0))
    found = only("ngày 1/5/2021 lúc 8h30 sáng")
    assert (found.date, found.time, found.part_of_day) == (date(2021, 5, 1), clock(8, 30), "sáng")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("sáng 11/6", "sáng"),
        ("trưa 11/6", "trưa"),
        ("chiều 11/6", "chiều"),
        ("tối 11/6", "tối"),
        ("đêm 11/6", "đêm"),
        ("rạng sáng 11/6", "rạng sáng"),
        ("sáng sớm ngày 11/6", "sáng"),
        ("chiều tối ngày 11/6", "chiều"),
    ],
)
def test_parts_of_day(text: str, part: str) -> None:
    found = only(f"{text}, đoàn tới.")
    assert (found.date, found.part_of_day) == (date(2018, 6, 11), part)


# --- ranges -----------------------------------------------------------------------------


def test_day_ranges() -> None:
    found = only("từ ngày 10-12/10", date(2020, 9, 1))
    assert (found.date, found.range_end) == (date(2020, 10, 10), date(2020, 10, 12))
    found = only("từ ngày 5-5 đến 10-5-2017, tại Thủ đô Hà Nội", None)
    assert (found.date, found.range_end) == (date(2017, 5, 5), date(2017, 5, 10))
    assert found.year_known
    found = only("từ 28/12 đến 3/1/2019", None)
    assert (found.date, found.range_end) == (date(2018, 12, 28), date(2019, 1, 3))


def test_year_ranges() -> None:
    found = only("giai đoạn 2013 - 2018 nêu rõ", None)
    assert (found.precision, found.date, found.range_end) == (
        "year",
        date(2013, 1, 1),
        date(2018, 1, 1),
    )


def test_lists_give_one_expression_each() -> None:
    found = find_date_expressions("dịp nghỉ ngày 30/4 và 1/5", date(2021, 4, 27))
    assert [f.date for f in found] == [date(2021, 4, 30), date(2021, 5, 1)]


def test_weekday_with_date() -> None:
    found = find_date_expressions("khai mạc vào thứ ba, ngày 20/7 và bế mạc", date(2021, 4, 27))
    assert [(f.date, f.weekday) for f in found] == [(date(2021, 7, 20), 2)]


# --- relative dates and the year ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "part"),
    [
        ("hôm nay", date(2018, 6, 12), None),
        ("hôm qua", date(2018, 6, 11), None),
        ("sáng nay", date(2018, 6, 12), "sáng"),
        ("chiều qua", date(2018, 6, 11), "chiều"),
        ("tối hôm qua", date(2018, 6, 11), "tối"),
        ("ngày mai", date(2018, 6, 13), None),
        ("3 ngày trước", date(2018, 6, 9), None),
    ],
)
def test_relative_days(text: str, expected: date, part: str | None) -> None:
    found = only(f"Theo tin, {text} đoàn tới.", datetime(2018, 6, 12, 8, 55, tzinfo=VIETNAM))
    assert (found.date, found.part_of_day, found.relative) == (expected, part, True)


def test_explicit_date_beside_relative_word_wins() -> None:
    found = only("vào sáng nay (6/2), Chủ tịch", date(2017, 2, 6))
    assert (found.date, found.part_of_day) == (date(2017, 2, 6), "sáng")


def test_relative_words_need_a_reference() -> None:
    assert find_date_expressions("hôm qua", None) == []


@pytest.mark.parametrize(
    ("day", "month", "reference", "expected"),
    [
        (30, 12, date(2024, 1, 2), date(2023, 12, 30)),  # the year rolls back
        (5, 1, date(2023, 12, 28), date(2024, 1, 5)),  # and on
        (26, 2, date(2024, 2, 18), date(2024, 2, 26)),
        (20, 7, date(2021, 4, 27), date(2021, 7, 20)),
        (29, 2, date(2023, 6, 1), date(2024, 2, 29)),
    ],
)
def test_year_resolution(day: int, month: int, reference: date, expected: date) -> None:
    assert resolve_year(day, month, reference) == expected


def test_no_year_and_no_reference_gives_no_date() -> None:
    found = only("Chiều ngày 8/5, Văn phòng Chính phủ họp báo", None)
    assert (found.date, found.year_known) == (None, False)


def test_lunar_dates_are_not_solar() -> None:
    found = only("lễ hội diễn ra vào ngày 13/1 âm lịch", date(2017, 2, 6))
    assert (found.date, found.lunar) == (None, True)


# --- no date where there is none -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "05 năm qua, các cấp ủy",
        "Nghị quyết Trung ương 4, 6 khóa XII",
        "Nghị quyết số 25-NQ/TW",
        "Nghị định 30/2020/NĐ-CP",
        "có từ 2/3 tổng số đại biểu",
        "trực dịch 24/7",
        "Bệnh viện 19-8",
        "thu 6.279 tỷ đồng",
        "mức 1.000.000 đồng",
        "gọi 0912.345.678",
        "lần thứ năm",
        "kỳ họp thứ hai",
        "trong 2 giờ",
        "đánh giá nhiều chiều qua các năm",
        "ánh sáng qua cửa sổ",
        "Tòa án nhân dân tối cao",
        "5 ngày trước khi khai mạc",
        "2 tuần 3 ngày",
    ],
)
def test_no_date(text: str) -> None:
    assert find_date_expressions(text, REF) == []


def test_find_dates_is_unchanged() -> None:
    found = find_dates("Nghị quyết số 25-NQ/TW, ngày 03/6/2013 và 24-12-2010")
    assert [(d.value, d.start, d.end) for d in found] == [
        (date(2013, 6, 3), 24, 38),
        (date(2010, 12, 24), 42, 52),
    ]


# --- dateparser's own Vietnamese cases ------------------------------------------------------

#: Cases of dateparser's suite that do not apply to news text, and why.
NOT_APPLICABLE = {
    "2 giờ": (
        "dateparser reads a bare '2 giờ' as '2 hours ago'; in news it is a length of time "
        "('trong 2 giờ') or, with a cue, a clock time ('lúc 2 giờ'): we find no date"
    ),
    "2 tuần 3 ngày": (
        "a bare duration ('kéo dài 2 tuần 3 ngày'); news writes '2 tuần 3 ngày trước' for a "
        "past date: we find no date"
    ),
    "sau 2 phút nữa": (
        "minutes from the publication time name no day; news reckons such offsets from the "
        "story, not the dateline: we find no date"
    ),
}
_BASE = re.compile(r"(?:RELATIVE_BASE|now)=(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?")


def dateparser_cases() -> list[tuple[str, str, str]]:
    path = Path(__file__).resolve().parent.parent / ".." / "shared" / "reference"
    table = path / "dateparser_vi_cases.tsv"
    if not table.exists():
        return []
    with table.open(encoding="utf-8") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return [(r["input"], r["expected_iso_or_fields"], r["source_file"]) for r in rows]


def test_dateparser_cases_are_all_seen(shared_dir: Path) -> None:
    assert (shared_dir / "reference" / "dateparser_vi_cases.tsv").exists()
    assert len(dateparser_cases()) >= len(NOT_APPLICABLE)


@pytest.mark.parametrize(("text", "expected", "source"), dateparser_cases())
def test_dateparser_case(text: str, expected: str, source: str) -> None:
    assert source.startswith("scrapinghub/dateparser")
    base = _BASE.search(expected)
    assert base is not None
    reference = date.fromisoformat(base[1])
    if text in NOT_APPLICABLE:
        assert find_date_expressions(text, reference) == [], NOT_APPLICABLE[text]
        return
    want = datetime.fromisoformat(expected.split(maxsplit=1)[0])
    found = only(text, reference)
    assert (found.start, found.end) == (0, len(text))
    assert found.date == want.date()
    if not found.relative:  # relative days carry no clock time of their own
        assert (found.time or clock(0, 0)) == want.time()


# --- round trip: a generated date rendered in every form reads back -------------------------

PART_HOURS = {
    "sáng": (5, 10),
    "trưa": (11, 12),
    "chiều": (13, 17),
    "tối": (18, 21),
    "đêm": (22, 23),
    "rạng sáng": (0, 4),
}
DAY_FORMS = (
    "{d}/{m}/{y}",
    "{d:02d}/{m:02d}/{y}",
    "{d}-{m}-{y}",
    "{d}.{m}.{y}",
    "ngày {d} tháng {m} năm {y}",
    "ngày {d:02d} tháng {m:02d} năm {y}",
    "ngày {d}/{m}",
    "hôm {d}/{m}",
    "ngày {d}-{m}",
)
TIME_FORMS = ("{h}h{mi:02d}", "{h} giờ {mi}", "{h:02d} giờ {mi:02d} phút", "{h:02d}:{mi:02d}")


@st.composite
def rendered(draw: st.DrawFn) -> tuple[str, date, date, str | None, clock | None]:
    day = draw(st.dates(date(1990, 1, 1), date(2035, 12, 31)))
    reference = day + timedelta(days=draw(st.integers(-150, 150)))
    form = draw(st.sampled_from(DAY_FORMS))
    text = form.format(d=day.day, m=day.month, y=day.year)
    part = draw(st.none() | st.sampled_from(sorted(PART_HOURS)))
    at = None
    if draw(st.booleans()):
        low, high = PART_HOURS[part] if part else (0, 23)
        at = clock(draw(st.integers(low, high)), draw(st.sampled_from((0, 5, 15, 30, 45))))
        time_form = draw(st.sampled_from(TIME_FORMS)).format(h=at.hour, mi=at.minute)
        text = (
            f"{time_form} {part} {text}" if part else f"{text} lúc {time_form}"
        )  # "14h30 chiều 11/6/2018", "11/6/2018 lúc 08:55"
    elif part:
        text = f"{part} {text}"
    return text, day, reference, part, at


@given(rendered())
def test_rendered_dates_read_back(case: tuple[str, date, date, str | None, clock | None]) -> None:
    text, day, reference, part, at = case
    found = only(f"Theo thông báo, {text}, tại Hà Nội đã diễn ra hội nghị.", reference)
    assert (found.date, found.part_of_day, found.time) == (day, part, at)


# --- the unlabeled corpus: no date inside numbers that are not dates -------------------------

NOT_DATES = re.compile(
    # document numbers: 25-NQ/TW, 30/2020/NĐ-CP, 152/TTg-CN
    r"\d+(?:/\d{2,4})?/[A-ZĐ][\w\-]*|\d+-[A-ZĐ][\wĐ]*/[A-ZĐ][\w/\-]*"
    # phone numbers: 0912.345.678, 024 3823 4567
    r"|(?<![\d/.\-])0\d{2,3}[ .\-]?\d{3}[ .\-]?\d{3,4}(?!\d)"
    # money: 6.279 tỷ đồng, 1,2 tỷ USD ("đồng chí", "đồng thời" are no money)
    r"|\d(?:[\d.,]*\d)?\s?(?:tỷ|triệu|nghìn|ngàn)?\s?(?:đồng|USD|VNĐ|VND)(?!\w)"
    r"(?!\s(?:chí|nghĩa|ý|thời|bào|hồ))"
    # bare counts: "05 năm qua", "trong 3 ngày" (not "ngày 3 tháng 6", "tháng 9 năm ngoái")
    r"|(?<!ngày )(?<!Ngày )(?<!mùng )(?<!mồng )(?<!tháng )(?<!Tháng )(?<!quý )(?<!sau )(?<!đây )"
    r"(?<![\w/.\-])"
    r"\d{1,3}\s(?:năm|tháng|tuần|ngày)(?!\w)(?!\s(?:trước|nữa|\d))"
)


def test_no_date_inside_numbers_in_unlabeled_corpus(shared_dir: Path) -> None:
    files = sorted((shared_dir / "corpus" / "unlabeled").rglob("*.txt"))
    assert files
    wrong: list[tuple[str, str, str]] = []
    dated = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        spans = [(m.start(), m.end(), m[0]) for m in NOT_DATES.finditer(text)]
        for found in find_date_expressions(text, date(2020, 1, 1)):
            if found.precision == "time":
                continue
            dated += 1
            wrong.extend(
                (path.name, text[found.start : found.end], what)
                for start, end, what in spans
                if start < found.end and found.start < end
            )
    assert dated > 1000
    assert wrong == []


# --- hostile input --------------------------------------------------------------------------


@pytest.mark.parametrize("unit", [",", "1", "1/", "1-2-", "ngày ", "sáng ", "thứ hai ", "11/6 "])
def test_linear_time(unit: str) -> None:
    def seconds(size: int) -> float:
        text = unit * (size // len(unit))
        start = time.perf_counter()
        find_date_expressions(text, REF)
        return time.perf_counter() - start

    small, large = seconds(50_000), seconds(200_000)
    assert large < 10 * small + 0.5  # four times the text, not sixteen times the work


class _CountedStrip(str):
    """A text that counts how often it is stripped."""

    __slots__ = ()
    strips = 0

    def strip(self, chars: str | None = None) -> str:
        type(self).strips += 1
        return super().strip(chars)


def test_many_weekdays_measure_the_text_once(from_source: Callable[[str], ModuleType]) -> None:
    # Each lone weekday asks whether it is the whole text ("Thứ năm" in a table cell):
    # measuring the text again for each made a long line of them quadratic.
    # (Run from the source: compiled code strips a str without calling the override.)
    find = from_source("vnnews._dates").find_date_expressions
    text = _CountedStrip("thứ Hai họp, " * 1000)
    assert find(text, REF) == []
    assert _CountedStrip.strips == 1
    assert [e.weekday for e in find(" Thứ năm ", REF)] == [4]


# --- the atom scan ----------------------------------------------------------------------------


def _found(text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in _dates._ATOMS.finditer(text)]  # noqa: SLF001


def _scanned(text: str) -> list[tuple[tuple[int, int], str | None]]:
    """The atoms as find_date_expressions finds them: only where an atom may start."""
    return [(m.span(), m.lastgroup) for m in _dates._atoms(text)]  # noqa: SLF001


@pytest.mark.parametrize(
    "text",
    [
        "Chiều 11/6/2018, THÁNG 5 năm nay, Hôm Qua, thứ HAI, CN, T7, quý IV/2019",
        "ſáng nay và ſau 3 ngày nữa",  # long s: re.IGNORECASE matches it as "s"
        "NGÀY 5/6 İstanbul, maı, kıa",  # dotted capital I, dotless i
        "ngày ١٢/٦/2018 và 12/6",  # digits other than 0-9
        "vàng sáng-chiều 1.000.000 đồng (2016-2020) từ năm 2019 đến nay",
    ],
)
def test_atoms_as_finditer(text: str) -> None:
    assert _scanned(text) == _found(text)


@given(st.text(alphabet="0123456789/.-–, ()ngàyNGÀYtháng sángchiềuCNT2ſıİ١hômquaýIV", max_size=60))
def test_atoms_as_finditer_any_text(text: str) -> None:
    assert _scanned(text) == _found(text)


# Where an atom may start in the lower-cased text, as first written: one alternation.
_FIRST_ATOM_START_LOWER = re.compile(
    r"\(|(?<![^\W\d_])(?:[0-9]+|"
    + "|".join(
        re.escape(w)
        for w in sorted(
            {*_dates._FIRST_WORDS, "cn", *(f"t{d}" for d in "234567")},  # noqa: SLF001
            key=len,
            reverse=True,
        )
    )
    + ")"
)
_START_WORDS = sorted(_dates._FIRST_WORDS)  # noqa: SLF001


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_START_WORDS),
            st.text(alphabet="0123456789()tcnhsmvlđkrgqàáaơ١_ \n", max_size=4),
        ),
        max_size=12,
    ).map("".join)
)
def test_atom_starts_as_first_written(text: str) -> None:
    expected = [m.span() for m in _FIRST_ATOM_START_LOWER.finditer(text)]
    assert [m.span() for m in _dates._ATOM_START_LOWER.finditer(text)] == expected  # noqa: SLF001


# re.IGNORECASE matches "İ" and "ı" as "i" and "ſ" as "s"; lower() and fold() do not.
@pytest.mark.parametrize(
    ("text", "precision", "expected"),
    [
        ("quý İ năm 2020", "quarter", date(2020, 1, 1)),
        ("quý ı/2020", "quarter", date(2020, 1, 1)),
        ("năm ngoáİ", "year", date(2020, 1, 1)),
        ("chİều nay", "day", date(2021, 4, 30)),
        ("hôm kİa", "day", date(2021, 4, 28)),
        ("ſáng mai", "day", date(2021, 5, 1)),
    ],
)
def test_words_with_odd_case_letters_are_read(text: str, precision: str, expected: date) -> None:
    [e] = find_date_expressions(text, date(2021, 4, 30))
    assert (e.precision, e.date) == (precision, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng hôm kia", date(2021, 4, 28)),  # raised KeyError: "kia" alone was looked up
        ("sáng hôm qua", date(2021, 4, 29)),
        ("sáng hôm mai", date(2021, 5, 1)),
    ],
)
def test_part_of_day_before_hom_and_word(text: str, expected: date) -> None:
    [e] = find_date_expressions(text, date(2021, 4, 30))
    assert (e.date, e.part_of_day) == (expected, "sáng")


def test_part_of_day_before_kia_alone_names_no_day() -> None:
    assert find_date_expressions("sáng kia", date(2021, 4, 30)) == []


def test_dotted_capital_i_does_not_crash_parse() -> None:
    article = vnnews.parse("Ngày 5/6/2020, quý İ hội nghị diễn ra.")
    assert [(e.kind, e.date) for e in article.events] == [("hội nghị", date(2020, 6, 5))]


_DATE_WORDS: Final = [
    *(word for word, *_ in rows("parts_of_day.tsv")),
    *(word for word, _ in rows("relative_days.tsv")),
    *(word for word, _ in rows("months.tsv")),
    *(word for word, _ in rows("weekdays.tsv")),
    *[
        "ngày",
        "tháng",
        "năm",
        "quý",
        "hôm",
        "nay",
        "qua",
        "mai",
        "kia",
        "ngoái",
        "tới",
        "trước",
        "nữa",
        "sau",
        "cách",
        "đây",
        "lúc",
        "giờ",
    ],
    *["thứ", "chủ nhật", "CN", "T2", "IV", "III", "âm lịch", "AL", "AM", "PM", "giai đoạn"],
]


@st.composite
def _date_like(draw: st.DrawFn) -> str:
    """Text near dates: date words (any case, odd letters swapped in), digits, separators."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_DATE_WORDS).map(
                    lambda w: w.upper() if len(w) % 3 == 0 else w.capitalize()
                ),
                st.sampled_from(_DATE_WORDS),
                st.text(alphabet="0123456789١/.-–:,() hgİıſIiSsKk", max_size=6),
                st.builds(
                    "{} {}".format,
                    st.sampled_from([w for w, *_ in rows("parts_of_day.tsv")]),
                    st.sampled_from([w for w, _ in rows("relative_days.tsv")]),
                ),
            ),
            max_size=12,
        )
    )
    text = " ".join(parts)
    swaps = draw(st.lists(st.sampled_from([("i", "İ"), ("i", "ı"), ("s", "ſ"), ("I", "İ")])))
    for old, new in swaps:
        text = text.replace(old, new, 1)
    return text


@given(st.one_of(_date_like(), st.text(max_size=40)), st.sampled_from([None, date(2021, 4, 30)]))
def test_reading_dates_never_raises(text: str, reference: date | None) -> None:
    for e in find_date_expressions(text, reference):
        assert 0 <= e.start < e.end <= len(text)
