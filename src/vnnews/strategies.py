"""Hypothesis strategies for every vnnews type, for property tests of code that uses vnnews.

Install the extra to use them::

    pip install vnnews[strategies]

then, in a test::

    from hypothesis import given
    from vnnews.strategies import articles

    @given(articles())
    def test_my_exporter(article): ...

Texts are realistic Vietnamese built from small vocabularies of real words
(tone-marked syllables, capitalised names and places, Vietnamese number
formats, punctuation such as ``, . ; : “ ” ( ) - …``), always in NFC, and
every generated value passes the validators of the vnnews types.  Sizes are
bounded (at most six paragraphs, four people, three documents, three
events) so that strategies stay fast.

:func:`layout_articles` draws Articles in the canonical shape that the text
renderer can express, for ``parse(to_text(article)) == article`` tests.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import Final, TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st

from ._docnumber import DocumentNumber
from ._model import TEXT_BLOCKS, Article, Document, Event, Mention, ParseWarning, Person, Position

__all__ = [
    "articles",
    "document_numbers",
    "documents",
    "events",
    "layout_articles",
    "lines",
    "mentions",
    "names",
    "parse_warnings",
    "people",
    "positions",
    "published",
]

_T = TypeVar("_T")

# --- vocabularies ---------------------------------------------------------------

_FAMILY: Final = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Tô", "Đinh", "Lương", "Mai", "Tạ", "Đoàn",
)  # fmt: skip
_MIDDLE: Final = (
    "Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Thu", "Xuân", "Hồng",
    "Công", "Trọng", "Thị Thanh", "Văn Thành", "Hoài", "Kim", "Bích",
)  # fmt: skip
_GIVEN: Final = (
    "Mai", "Lâm", "Hùng", "Dũng", "Hà", "Lan", "Hương", "Tuấn", "Phúc", "Chính", "Thảo",
    "Nam", "Bình", "Long", "Hải", "Quân", "Sơn", "Trang", "Linh", "Khôi", "Thừa", "Mẫn",
    "Tú", "Hiền", "Yến", "Đạt", "Cường", "Nghĩa", "Thắng", "Hòa", "Hoà", "Vượng",
)  # fmt: skip
_PEN_NAMES: Final = (
    "Phương Thảo", "Minh Anh", "Hà Linh", "Thanh Tùng", "Hiền Minh", "Quang Huy",
    "Bảo Ngọc", "Đức Trung", "Thu Hằng", "Việt Hưng", "Ngọc Ánh", "Hoàng Long",
)  # fmt: skip
# Foreign leaders: name, family name, given name, and the title Vietnamese papers give them.
# Chinese names are read and split the Vietnamese way (middle names in _FOREIGN_MIDDLE).
_FOREIGN: Final = (
    ("Donald Trump", "Trump", "Donald", "Tổng thống Mỹ"),
    ("Joe Biden", "Biden", "Joe", "Tổng thống Mỹ"),
    ("Vladimir Putin", "Putin", "Vladimir", "Tổng thống Nga"),
    ("Emmanuel Macron", "Macron", "Emmanuel", "Tổng thống Pháp"),
    ("Antonio Guterres", "Guterres", "Antonio", "Tổng Thư ký Liên hợp quốc"),
    ("Kim Jong-un", "Kim", "Jong-un", "Chủ tịch Triều Tiên"),
    ("Tập Cận Bình", "Tập", "Bình", "Chủ tịch Trung Quốc"),
    ("Fumio Kishida", "Kishida", "Fumio", "Thủ tướng Nhật Bản"),
)
_FOREIGN_MIDDLE: Final = {"Tập Cận Bình": "Cận"}
_HONORIFICS: Final = ("ông", "bà", "anh", "chị", "đồng chí")
_RANKS: Final = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy",
)  # fmt: skip
_PROVINCES: Final = (
    "Quảng Ninh", "Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk",
    "Bình Dương", "Đồng Nai", "An Giang", "Lào Cai", "Điện Biên", "Quảng Bình", "Bắc Ninh",
    "Kiên Giang", "Cà Mau", "Thái Nguyên", "Gia Lai",
)  # fmt: skip
_FOREIGN_TITLES: Final = {name: title for name, _, _, title in _FOREIGN}
_CITIES: Final = ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
_MINISTRIES: Final = (
    "Bộ Công an", "Bộ Quốc phòng", "Bộ Y tế", "Bộ Tài chính", "Bộ Ngoại giao", "Bộ Nội vụ",
    "Bộ Giáo dục và Đào tạo", "Bộ Tư pháp", "Bộ Giao thông vận tải", "Bộ Xây dựng",
)  # fmt: skip
_BODIES: Final = (
    "Quốc hội", "Chính phủ", "Ban Bí thư", "Bộ Chính trị", "Mặt trận Tổ quốc Việt Nam",
    "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Ngân hàng Nhà nước",
    "Đảng ủy Công an Trung ương", "Ban Dân vận Trung ương", "Cục Cảnh sát giao thông",
)  # fmt: skip
_SOURCES: Final = (
    "Bộ Công an", "TTXVN", "Báo Nhân Dân", "VnExpress", "Tuổi Trẻ", "Thanh Niên",
    "Báo Công an nhân dân", "VTV", "Báo Quân đội nhân dân", "Vietnamplus", "Dân trí",
    "Cổng TTĐT Chính phủ", "Lao Động",
)  # fmt: skip
_CREDITS: Final = (
    "Tổng hợp", "Theo AFP", "Theo Reuters", "Theo TTXVN", "Ảnh: Bộ Công an",
    "TTXVN tổng hợp", "Ảnh: TTXVN", "Đồ họa: Minh Anh", "Lược dịch từ Reuters",
)  # fmt: skip
_OPENERS: Final = (
    "Cùng ngày", "Trước đó", "Tại buổi làm việc", "Hiện nay", "Qua đó", "Bên cạnh đó",
    "Phát biểu tại hội nghị", "Trong thời gian tới", "Tối qua", "Sáng nay", "Chiều nay",
    "Theo kế hoạch", "Theo báo cáo",
)  # fmt: skip
_PARTS_OF_DAY: Final = ("sáng", "trưa", "chiều", "tối", "đêm", "rạng sáng")
_VERBS: Final = (
    "tổ chức", "triển khai", "thực hiện", "đẩy mạnh", "tăng cường", "nâng cao", "kiểm tra",
    "xử lý", "bảo đảm", "hỗ trợ", "tổng kết", "đánh giá", "tuyên truyền", "rà soát",
    "ký kết", "khởi công", "bàn giao", "chỉ đạo", "phát động", "đổi mới",
)  # fmt: skip
_OBJECTS: Final = (
    "công tác dân vận", "kế hoạch phòng, chống tội phạm", "hội nghị sơ kết",
    "chương trình hợp tác", "các dự án giao thông trọng điểm", "phong trào thi đua",
    "chính sách an sinh xã hội", "hiệu quả quản lý nhà nước", "an ninh, trật tự",
    "các trường hợp vi phạm nồng độ cồn", "công tác cải cách hành chính",
    "công trình nhà ở xã hội", "nhiệm vụ chính trị", "chuyển đổi số", "công tác phòng cháy",
    "phong trào Toàn dân bảo vệ an ninh Tổ quốc", "quy chế dân chủ ở cơ sở",
    "công tác xây dựng Đảng", "hoạt động đối ngoại",
)  # fmt: skip
_SUBJECTS: Final = (
    "lực lượng Công an nhân dân", "các đơn vị", "người dân", "cơ quan điều tra",
    "ngành y tế", "nhiều doanh nghiệp", "Ban Chỉ đạo", "các cấp ủy đảng", "Chính phủ",
    "Quốc hội", "lãnh đạo Công an các địa phương", "đoàn công tác", "cán bộ, chiến sĩ",
    "các bộ, ngành", "chính quyền địa phương",
)  # fmt: skip
_QUALIFIERS: Final = (
    "hiệu quả", "nghiêm túc", "toàn diện", "bền vững", "kịp thời", "chặt chẽ",
    "thiết thực", "đồng bộ", "quyết liệt",
)  # fmt: skip
_ADJUNCTS: Final = (
    "trong tình hình mới", "theo đúng quy định của pháp luật", "nhằm phục vụ nhân dân tốt hơn",
    "trước mùa mưa bão", "trong dịp Tết Nguyên đán", "gắn với xây dựng nông thôn mới",
    "góp phần giữ vững an ninh chính trị",
)  # fmt: skip
_CRIMES: Final = (
    "lừa đảo chiếm đoạt tài sản", "vận chuyển trái phép chất ma túy", "đánh bạc",
    "vi phạm quy định về đấu thầu", "nhận hối lộ", "buôn lậu", "trốn thuế",
)  # fmt: skip
_SAY: Final = ("khẳng định", "nhấn mạnh", "cho biết", "đề nghị", "yêu cầu")
_QUOTES: Final = (
    "Chúng ta phải làm tốt hơn nữa công tác dân vận",
    "Không có vùng cấm, không có ngoại lệ",
    "Mọi hành vi vi phạm đều phải được xử lý nghiêm",
    "Dân là gốc",
    "Việc gì có lợi cho dân thì phải hết sức làm",
    "Phải lấy người dân làm trung tâm",
)
_LOCATIONS: Final = (
    "Hội trường Diên Hồng, Nhà Quốc hội", "Trung tâm Hội nghị Quốc gia", "trụ sở Bộ Công an",
    "Phủ Chủ tịch", "Nhà Trắng", "Điện Kremlin", "Cung Văn hóa Hữu nghị Việt - Xô",
    "Hội trường Bộ Quốc phòng", "trụ sở Tòa án nhân dân TP Hà Nội",
)  # fmt: skip
_EVENT_KINDS: Final = (
    "hội nghị", "phiên tòa", "lễ ký kết", "chuyến thăm", "họp báo", "bắt giữ", "khởi tố",
    "lễ khánh thành", "kỳ họp", "diễn tập", "buổi làm việc",
)  # fmt: skip
_CAPTION_HEADS: Final = (
    "Quang cảnh",
    "Toàn cảnh",
    "Các đại biểu dự",
    "Lực lượng chức năng tại",
    "Không khí",
)
_CAPTION_EVENTS: Final = (
    "hội nghị", "buổi làm việc", "lễ ký kết", "phiên tòa", "buổi lễ", "hiện trường vụ việc",
    "buổi họp báo", "lễ khánh thành",
)  # fmt: skip
_TAGS: Final = (
    "an ninh trật tự", "dân vận", "Bộ Công an", "phòng chống tham nhũng", "giao thông",
    "kinh tế", "đối ngoại", "Quốc hội", "pháp luật", "thời sự", "y tế", "giáo dục",
)  # fmt: skip
_EXTRA_KEYS: Final = ("Chuyên mục", "Lượt xem", "Category", "Mã bài", "Ngôn ngữ", "doc_id")
_EXTRA_VALUES: Final = ("Thời sự", "Pháp luật", "12.345", "vi", "", "21472923", "An ninh")
_DOMAINS: Final = ("cand.com.vn", "vnexpress.net", "tuoitre.vn", "baochinhphu.vn", "nhandan.vn")
_DOCUMENT_SUBJECTS: Final = (
    "về công tác dân vận", "về phòng, chống tham nhũng", "về xây dựng Đảng",
    "về bảo đảm trật tự, an toàn giao thông", "về chuyển đổi số quốc gia",
    "về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận",
)  # fmt: skip
_LAWS: Final = (
    "Luật Đất đai", "Luật Căn cước", "Luật Công an nhân dân", "Bộ luật Hình sự",
    "Luật Phòng, chống tham nhũng", "Hiến pháp",
)  # fmt: skip
_ROMAN: Final = ("IX", "X", "XI", "XII", "XIII", "XIV", "XV")

# A whole-hour or half-hour offset, in minutes; Vietnam's +07:00 mostly.
_OFFSET_MINUTES: Final = (420, 420, 420, 420, 420, 420, 0, 480, 540, -300, 330, 570, -210)


# --- small helpers --------------------------------------------------------------
#
# Strategies draw from flat, precomputed pools where they can: each draw costs
# time, and one draw from a pool of a few hundred phrases is as varied as four
# draws of single words and shrinks as well (towards the pool's first entry).


def _tidy(text: str) -> str:
    """One line: white-space runs folded to one space, stripped, NFC."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _cap(text: str) -> str:
    """Capitalise the first letter only ("ông Tô Lâm" → "Ông Tô Lâm")."""
    return text[:1].upper() + text[1:]


def _ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed.casefold() if ch.isascii())
    return "-".join(re.findall(r"[a-z0-9]+", plain)) or "bai-viet"


def _sample(pool: Sequence[_T]) -> st.SearchStrategy[_T]:
    """One item of ``pool``, shrinking towards the first (without a repr of the whole pool)."""
    return st.integers(0, len(pool) - 1).map(pool.__getitem__)


def _pick(words: tuple[str, ...]) -> st.SearchStrategy[str]:
    return _sample(words)


def _fmt(template: str, *parts: st.SearchStrategy[object]) -> st.SearchStrategy[str]:
    """``template`` filled from ``parts``, tidied to one NFC line."""
    return st.builds(template.format, *parts).map(_tidy)


def _pool(template: str, *columns: tuple[str, ...]) -> tuple[str, ...]:
    """Every filling of ``template`` from ``columns``, tidied: a flat pool to draw once from."""
    return tuple(_tidy(template.format(*row)) for row in itertools.product(*columns))


def _vn_int(n: int) -> str:
    """An integer with Vietnamese thousands separators: 12345 → "12.345"."""
    return f"{n:,}".replace(",", ".")


# Provinces and cities as named ("Nghệ An", "TP Hồ Chí Minh"), as localities
# ("tỉnh Nghệ An", "TP Hà Nội") and by their Party committees ("Tỉnh ủy Nghệ An").
_PROVINCE_NAMES: Final = (*_PROVINCES, *_CITIES, "TP Hồ Chí Minh")
_LOCALITIES: Final = (
    *_pool("tỉnh {}", _PROVINCES),
    *_pool("TP {}", _CITIES),
    "TP Hồ Chí Minh",
)
_COMMITTEES: Final = (
    *_pool("Tỉnh ủy {}", _PROVINCES),
    *_pool("Thành ủy {}", (*_CITIES, "TP Hồ Chí Minh")),
)
_PROVINCE: Final = _pick(_PROVINCE_NAMES)
# Event.province holds canonical names: "Thành phố Hà Nội" for centrally-run cities.
_EVENT_PROVINCE: Final = _pick(
    (*_PROVINCES, *(f"Thành phố {city}" for city in (*_CITIES, "Hồ Chí Minh")))
)

# A head count: "15", "2.500", "hơn 40".
_COUNT: Final = st.one_of(
    st.integers(2, 99_999).map(_vn_int),
    st.integers(2, 500).map("hơn {}".format),
)
# A quantity: "2.500", "12,5%", "300 tỷ đồng".
_NUMBER: Final = st.one_of(
    _COUNT,
    _fmt("{},{}%", st.integers(1, 99), st.integers(1, 9)),
    _fmt("{} {}", st.integers(1, 900), _pick(("tỷ đồng", "triệu đồng", "USD", "ha", "km"))),
)
# "12/6" or "12/6/2018", as dates are written inside sentences.
_DAY_MONTH: Final = st.builds(
    lambda d, with_year: f"{d.day}/{d.month}/{d.year}" if with_year else f"{d.day}/{d.month}",
    st.dates(date(2015, 1, 1), date(2030, 12, 31)),
    st.booleans(),
)

# --- names and positions ----------------------------------------------------------

_NameParts = tuple[str, str | None, str | None, str | None]


def _vn_names(givens: tuple[str, ...], middles: tuple[str | None, ...]) -> tuple[_NameParts, ...]:
    return tuple(
        (" ".join(p for p in (family, middle, given) if p), family, middle, given)
        for family, middle, given in itertools.product(_FAMILY, middles, givens)
    )


# "Trương Thị Mai", "Tô Lâm"; "Nguyễn Văn H." as court reports abbreviate; "Donald Trump".
_FULL_NAMES: Final = _vn_names(_GIVEN, (None, *_MIDDLE))
_INITIAL_NAMES: Final = _vn_names(tuple(sorted({f"{g[0]}." for g in _GIVEN})), _MIDDLE)
_VN_NAME_PARTS: Final = _sample(_FULL_NAMES)
_INITIAL_NAME_PARTS: Final = _sample(_INITIAL_NAMES)
_FOREIGN_NAME_PARTS: Final[st.SearchStrategy[_NameParts]] = st.sampled_from(
    tuple((name, family, _FOREIGN_MIDDLE.get(name), given) for name, family, given, _ in _FOREIGN)
)
_NAME_PARTS: Final[st.SearchStrategy[_NameParts]] = st.one_of(
    _VN_NAME_PARTS, _VN_NAME_PARTS, _VN_NAME_PARTS, _INITIAL_NAME_PARTS, _FOREIGN_NAME_PARTS
)
# Full Vietnamese names alone, as one pool: one draw each.
_VN_NAMES: Final = tuple(parts[0] for parts in _FULL_NAMES)
_VN_NAME: Final = _pick(_VN_NAMES)
_NAME: Final = _NAME_PARTS.map(lambda parts: parts[0])


def names() -> st.SearchStrategy[str]:
    """Realistic personal names: "Trương Thị Mai", "Tô Lâm", "Nguyễn Văn H.", "Donald Trump"."""
    return _NAME


_PositionParts = tuple[str, str | None, str | None]


def _roles(roles: tuple[str, ...], organisations: tuple[str, ...]) -> tuple[_PositionParts, ...]:
    return tuple((f"{r} {o}", r, o) for r, o in itertools.product(roles, organisations))


# Position titles with their role and organisation, as the grammar splits them.
_POSITION_POOL: Final = (
    *_roles(("Bộ trưởng", "Thứ trưởng"), _MINISTRIES),
    *_roles(("Chủ tịch", "Phó Chủ tịch"), _pool("UBND {}", _LOCALITIES)),
    *_roles(("Giám đốc", "Phó Giám đốc"), _pool("Công an {}", _LOCALITIES)),
    *_roles(("Giám đốc",), _pool("Sở Y tế {}", _PROVINCE_NAMES)),
    *_roles(("Bí thư", "Phó Bí thư"), (*_COMMITTEES, "Đảng ủy Công an Trung ương")),
    *_roles(("Chủ tịch", "Phó Chủ tịch", "Tổng Thư ký"), ("Quốc hội",)),
    *_roles(("Ủy viên", "Uỷ viên"), ("Bộ Chính trị", "Trung ương Đảng", "Ban Bí thư")),
    *_roles(("Thủ tướng", "Phó Thủ tướng"), ("Chính phủ",)),
    *((role, role, None) for role in ("Tổng Bí thư", "Chủ tịch nước", "Tổng Thanh tra Chính phủ")),
)
_POSITION_PARTS: Final = _sample(_POSITION_POOL)
_POSITION_TITLES: Final = tuple(title for title, _, _ in _POSITION_POOL)


# --- sentences -------------------------------------------------------------------

# A person as named inside a sentence: "Thượng tướng Tô Lâm", "Tổng thống Mỹ Donald Trump".
_PERSON_PHRASE: Final = st.one_of(
    _fmt("{} {}", _pick((*_RANKS, *_HONORIFICS, *_POSITION_TITLES)), _VN_NAME),
    _fmt("đồng chí {}, {}", _VN_NAME, _pick(_POSITION_TITLES)),
    _pick(tuple(f"{title} {name}" for name, _, _, title in _FOREIGN)),
)
_SUBJECT: Final = st.one_of(
    _pick(
        (
            *_SUBJECTS,
            *_MINISTRIES,
            *_BODIES,
            *_pool("Công an {}", _LOCALITIES),
            *_pool("UBND {}", _LOCALITIES),
        )
    ),
    _PERSON_PHRASE,
)
_ACTIONS: Final = _pool("{} {}", _VERBS, _OBJECTS)
_TAILS: Final = _pool(
    "{} {}",
    ("", *_QUALIFIERS),
    (
        "",
        *_pool("trên địa bàn {}", _LOCALITIES),
        *_pool("tại {}", _LOCATIONS),
        *_ADJUNCTS,
        *_pool("trong năm {}", tuple(map(str, range(2015, 2031)))),
    ),
)
_PREDICATE: Final = _fmt("{} {}", _pick(_ACTIONS), _pick(_TAILS))
_SUBJECT_PREDICATE: Final = _fmt("{} {}", _SUBJECT, _PREDICATE)
_CLAUSE: Final = st.one_of(
    _SUBJECT_PREDICATE,
    _SUBJECT_PREDICATE,
    _SUBJECT_PREDICATE,
    _fmt(
        "{} đã khởi tố {} bị can về tội {}",
        _pick(_pool("Cơ quan Cảnh sát điều tra Công an {}", _LOCALITIES)),
        _COUNT,
        _pick(_CRIMES),
    ),
    _fmt(
        "{} đã kiểm tra {} cơ sở, phát hiện {} trường hợp vi phạm",
        _pick(_pool("đoàn kiểm tra liên ngành {}", _LOCALITIES)),
        _COUNT,
        _COUNT,
    ),
)
_CAP_CLAUSE: Final = _CLAUSE.map(_cap)
_OPENER: Final = _pick(_OPENERS) | _fmt("{} {}", _pick(_PARTS_OF_DAY), _DAY_MONTH).map(_cap)
_PAREN: Final = st.one_of(
    _fmt("tăng {} so với cùng kỳ", _NUMBER),
    _fmt("chiếm {}", _NUMBER),
    _fmt("gồm {} đại biểu", _COUNT),
)
_ROUTES: Final = tuple(f"{a} - {b}" for a, b in itertools.permutations((*_PROVINCES, *_CITIES), 2))
_SOME_OBJECTS: Final = st.lists(_pick(_OBJECTS), min_size=2, max_size=3, unique=True).map(", ".join)
_SAYERS: Final = _fmt("{} {}", _SUBJECT, _pick(_SAY)).map(_cap)


def _sentence(end: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A sentence whose final punctuation is drawn from ``end``."""
    return st.one_of(
        _fmt("{}{}", _CAP_CLAUSE, end),
        _fmt("{}, {}{}", _OPENER, _CLAUSE, end),
        _fmt("{} ({}){}", _CAP_CLAUSE, _PAREN, end),
        _fmt("{}: “{}”{}", _SAYERS, _pick(_QUOTES), end),
        _fmt("{}; đồng thời {}{}", _CAP_CLAUSE, _PREDICATE, end),
        _fmt("{} trên tuyến {}{}", _CAP_CLAUSE, _pick(_ROUTES), end),
        _fmt("{}, trong đó có {}… {}{}", _CAP_CLAUSE, _SOME_OBJECTS, _CAP_CLAUSE, end),
    )


_FULL_SENTENCE: Final = _sentence(st.just("."))
_ANY_SENTENCE: Final = _sentence(_pick((".", "!", "?", "…", "")))
_PARAGRAPH: Final = st.lists(_FULL_SENTENCE, min_size=1, max_size=3).map(" ".join)
# A title: no final full stop, as papers print them; some lead with "Place:" or "Who:".
_PLAIN_HEADLINE: Final = st.one_of(
    _fmt("{} {}", _pick(_ACTIONS).map(_cap), _pick(_ADJUNCTS)),
    _fmt("Khởi tố {} đối tượng về tội {}", _COUNT, _pick(_CRIMES)),
    _fmt("{} {}", _PERSON_PHRASE.map(_cap), _PREDICATE),
)
_HEADLINE: Final = st.one_of(
    _PLAIN_HEADLINE,
    _fmt("{}: {}", _PROVINCE, _PREDICATE),
    _fmt("{}: “{}”", _PERSON_PHRASE.map(_cap), _pick(_QUOTES)),
)
# A short photo caption ending with a full stop.
_CAPTION: Final = st.one_of(
    _pick(_pool("{} {}.", _CAPTION_HEADS, _CAPTION_EVENTS)),
    _fmt("{} phát biểu tại {}.", _PERSON_PHRASE.map(_cap), _pick(_CAPTION_EVENTS)),
    _fmt("{} trao quà cho các gia đình chính sách.", _PERSON_PHRASE.map(_cap)),
)


_LINES: Final = st.one_of(
    _ANY_SENTENCE,
    _HEADLINE,
    _CAPTION,
    _NAME,
    _pick((*_MINISTRIES, *_BODIES, *_SOURCES)),
    _PARAGRAPH,
)


def lines() -> st.SearchStrategy[str]:
    """A realistic single line of Vietnamese: a headline, sentence, caption, name or body.

    Lines are non-empty, stripped, free of line breaks and in NFC, as every
    text field of the vnnews types requires.
    """
    return _LINES


# --- dates ------------------------------------------------------------------------


def _maybe(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


_DAYS: Final = st.dates(date(1990, 1, 1), date(2035, 12, 31))
_SECONDS: Final = st.just(0) | st.integers(0, 59)
_MICROSECONDS: Final = st.just(0) | st.just(0) | st.integers(0, 999_999)
_ZONES: Final = st.sampled_from(_OFFSET_MINUTES).map(lambda m: timezone(timedelta(minutes=m)))
_AWARE_DATETIMES: Final = st.builds(
    lambda day, hour, minute, second, micro, zone: datetime(
        day.year, day.month, day.day, hour, minute, second, micro, tzinfo=zone
    ),
    _DAYS,
    st.integers(0, 23),
    st.integers(0, 59),
    _SECONDS,
    _MICROSECONDS,
    _ZONES,
)
_PUBLISHED: Final[st.SearchStrategy[datetime | date | None]] = st.one_of(
    st.none(), _DAYS, _AWARE_DATETIMES
)


def published() -> st.SearchStrategy[datetime | date | None]:
    """Values of ``Article.published``: None, a plain date, or an aware datetime.

    Offsets are +07:00 mostly, sometimes another whole- or half-hour offset;
    seconds are often zero, microseconds mostly.
    """
    return _PUBLISHED


# --- extracted values ---------------------------------------------------------------
#
# People, documents and events are drawn as drafts without mentions (and events
# without chairs and participants); articles then place the mentions in their
# own text and take chairs and participants from their own people.

_FORMER: Final = st.sampled_from((False, False, False, False, True))
_UNSPLIT: Final = st.sampled_from((False, False, False, True))


@st.composite
def _positions(draw: st.DrawFn) -> Position:
    title, role, organisation = draw(_POSITION_PARTS)
    former = draw(_FORMER)
    if former:
        title = f"nguyên {title}"
    if draw(_UNSPLIT):  # a title the grammar did not split
        role = organisation = None
    return Position(title=title, role=role, organisation=organisation, former=former)


_POSITIONS: Final = _positions()


def positions() -> st.SearchStrategy[Position]:
    """Offices such as "Bộ trưởng Bộ Công an" (role and organisation split) or "nguyên …"."""
    return _POSITIONS


_MENTIONS: Final = st.builds(
    lambda block, index, start, width: Mention(
        block=block,
        index=0 if block in {"title", "lead"} else index,
        start=start,
        end=start + width,
    ),
    st.sampled_from(TEXT_BLOCKS),
    st.integers(0, 5),
    st.integers(0, 400),
    st.integers(0, 40),
)


def mentions() -> st.SearchStrategy[Mention]:
    """Places in an article: a text block, its index, and a span ``start <= end``."""
    return _MENTIONS


# A mention not yet placed: which text block, where in it, how wide.
_RawSpan = tuple[int, int, int]
_Block = tuple[str, int, str]
_RAW_SPAN: Final = st.tuples(st.integers(0, 31), st.integers(0, 999), st.integers(0, 40))


def _place(raw: _RawSpan, blocks: Sequence[_Block]) -> Mention:
    """Put a raw span inside one of the article's text ``blocks``."""
    which, start, width = raw
    block, index, text = blocks[which % len(blocks)]
    start %= len(text) + 1
    return Mention(block=block, index=index, start=start, end=min(len(text), start + width))


_FEMALE_HONORIFICS: Final = _maybe(_pick(("bà", "chị")))
_MALE_HONORIFICS: Final = _maybe(_pick(_HONORIFICS))
_FOREIGN_HONORIFICS: Final = _maybe(st.just("ông"))
_MAYBE_RANK: Final = _maybe(_pick(_RANKS))
_HELD: Final = st.lists(_POSITIONS, max_size=3)


@st.composite
def _person_drafts(draw: st.DrawFn) -> Person:
    name, family, middle, given = draw(_NAME_PARTS)
    if draw(_FORMER):  # a name the parser did not split
        family = middle = given = None
    foreign_title = _FOREIGN_TITLES.get(name)
    if foreign_title is not None:
        honorific = draw(_FOREIGN_HONORIFICS)
        rank = None
        held = [Position(title=foreign_title)] if draw(st.booleans()) else []
    elif middle is not None and "Thị" in middle:
        honorific, rank, held = draw(_FEMALE_HONORIFICS), None, draw(_HELD)
    else:
        honorific, rank, held = draw(_MALE_HONORIFICS), draw(_MAYBE_RANK), draw(_HELD)
    return Person(
        name=name,
        honorific=honorific,
        rank=rank,
        positions=tuple(held),
        family=family,
        middle=middle,
        given=given,
    )


def _with_mentions(drafts: st.SearchStrategy[_T], most: int) -> st.SearchStrategy[_T]:
    """Drafts given up to ``most`` mentions anywhere (articles() re-points them)."""
    return st.builds(
        lambda value, found: attrs.evolve(value, mentions=tuple(found)),
        drafts,
        st.lists(_MENTIONS, max_size=most),
    )


_PERSON_DRAFTS: Final = _person_drafts()
_PEOPLE: Final = _with_mentions(_PERSON_DRAFTS, 3)


def people() -> st.SearchStrategy[Person]:
    """People named in an article: name and its parts, honorific, rank, positions, mentions."""
    return _PEOPLE


# Document kinds with the issuer that signs them and the shape of their numbers.
# Document numbers, part by part, from codes seen in real numbers (docrefs.tsv).
_STATE_TYPES: Final = ("NĐ", "QĐ", "TT", "NQ", "CT", "CĐ", "TB", "KH", "TTr", "BC", "HD", "CTr")
_JOINT_TYPES: Final = ("TTLT", "NQLT")
_STATE_ISSUERS: Final = (
    "CP", "TTg", "BCA", "BQP", "BYT", "BTC", "BGDĐT", "UBND", "HĐND", "NHNN", "BLĐTBXH",
    "VPCP", "BGTVT", "TANDTC", "VKSNDTC", "BNV", "BTP",
)  # fmt: skip
_UNITS: Final = ("V28", "VP", "NC", "KGVX", "C81", "ĐT", "TH", "X14")
_PARTY_TYPES: Final = ("NQ", "CT", "KL", "QĐ", "QĐi", "HD", "CTr", "TB", "KH", "BC", "CV")
_PARTY_ISSUERS: Final = ("TW", "ĐUCA", "VPTW", "BTCTW", "TU", "HU", "ĐU", "QUTW", "BTGTU")
_SEQUENCES: Final = st.one_of(st.integers(1, 9).map("0{}".format), st.integers(1, 99_999).map(str))
_YEARS: Final = st.integers(1990, 2035)


@st.composite
def _document_numbers(draw: st.DrawFn) -> DocumentNumber:
    sequence = draw(_SEQUENCES)
    shape = draw(st.sampled_from(("typed", "joint", "law", "letter", "party")))
    if shape == "party":
        unit = draw(_maybe(_pick(_UNITS)))
        issuer = draw(_pick(_PARTY_ISSUERS))
        kind = draw(_pick(_PARTY_TYPES))
        return DocumentNumber(sequence, None, kind, (issuer,), unit, "party")
    if shape == "law":
        body = draw(st.sampled_from(("QH", "UBTVQH")))
        return DocumentNumber(sequence, draw(_YEARS), None, (f"{body}{draw(st.integers(11, 16))}",))
    if shape == "joint":
        issuers = draw(st.lists(_pick(_STATE_ISSUERS), min_size=2, max_size=5, unique=True))
        kind = draw(_pick(_JOINT_TYPES))
        return DocumentNumber(sequence, draw(_YEARS), kind, tuple(issuers))
    issuer, unit = draw(_pick(_STATE_ISSUERS)), draw(_maybe(_pick(_UNITS)))
    if shape == "letter":  # a công văn: issuer and drafting unit, no type code
        return DocumentNumber(sequence, None, None, (issuer,), unit)
    year = draw(_maybe(_YEARS))
    return DocumentNumber(sequence, year, draw(_pick(_STATE_TYPES)), (issuer,), unit)


def _respelt(number: DocumentNumber, spaced: bool) -> DocumentNumber:
    """The same number with spaces around its separators, as scraped text writes it."""
    if not spaced:
        return number
    return DocumentNumber.parse(re.sub(r"([/\-])", r" \1 ", number.written, count=1))


_DOCUMENT_NUMBERS: Final = st.builds(_respelt, _document_numbers(), st.booleans())


def document_numbers() -> st.SearchStrategy[DocumentNumber]:
    """Document numbers of both grammars: "30/2020/NĐ-CP", "1670/BCA-V28", "25-NQ/TW"."""
    return _DOCUMENT_NUMBERS


_DOCUMENT_KINDS: Final = {
    "Nghị quyết": ("Ban Chấp hành Trung ương", "{n}-NQ/TW"),
    "Chỉ thị": ("Ban Bí thư", "{n:02d}-CT/TW"),
    "Kết luận": ("Bộ Chính trị", "{n}-KL/TW"),
    "Nghị định": ("Chính phủ", "{n}/{year}/NĐ-CP"),
    "Quyết định": ("Thủ tướng Chính phủ", "{n}/QĐ-TTg"),
    "Thông tư": ("Bộ Công an", "{n}/{year}/TT-BCA"),
    "Công văn": ("UBND tỉnh Nghệ An", "{n}/UBND-NC"),
    "Luật": ("Quốc hội", ""),
}
_DOCUMENT_KIND: Final = _pick(tuple(_DOCUMENT_KINDS))
_PROVISIONS: Final = st.lists(
    _pick(("Điều 174", "Điều 355", "khoản 1", "khoản 4", "điểm a", "Chương II")),
    max_size=3,
    unique=True,
)
_MAYBE_DAY: Final = _maybe(_DAYS)
_MAYBE_TERM: Final = _maybe(st.integers(9, 15))
_MAYBE_DOCUMENT_SUBJECT: Final = _maybe(_pick(_DOCUMENT_SUBJECTS))
_LAW: Final = _pick(_LAWS)


@st.composite
def _document_drafts(draw: st.DrawFn) -> Document:
    kind = draw(_DOCUMENT_KIND)
    issuer, number_form = _DOCUMENT_KINDS[kind]
    n, year = draw(st.integers(1, 399)), draw(st.integers(1995, 2030))
    number = number_form.format(n=n, year=year) or None
    issued = draw(_MAYBE_DAY)
    signed_by = issuer if draw(st.booleans()) else None
    term = draw(_MAYBE_TERM) if kind in {"Nghị quyết", "Luật"} else None
    subject = draw(_LAW) if kind == "Luật" else draw(_MAYBE_DOCUMENT_SUBJECT)
    written = [subject if kind == "Luật" else kind]
    if number:
        written.append(f"số {number}")
    if issued:
        written.append(f"ngày {issued.day}/{issued.month}/{issued.year}")
    if signed_by:
        written.append(f"của {signed_by}")
    if term:
        written.append(f"khóa {_ROMAN[term - 9]}")
    return Document(
        kind=kind,
        number=number,
        issued=issued,
        issuer=signed_by,
        subject=subject,
        term=term,
        provisions=tuple(draw(_PROVISIONS)),
        as_written=_tidy(" ".join(w for w in written if w)) if draw(st.booleans()) else None,
    )


_DOCUMENT_DRAFTS: Final = _document_drafts()
_DOCUMENTS: Final = _with_mentions(_DOCUMENT_DRAFTS, 2)


def documents() -> st.SearchStrategy[Document]:
    """Cited documents: "Nghị quyết số 25-NQ/TW", "Nghị định 15/2020/NĐ-CP", named laws."""
    return _DOCUMENTS


_CLOCK: Final = st.builds(time, st.integers(0, 23), st.sampled_from((0, 15, 30, 45)))
_EVENT_DRAFTS: Final = st.builds(
    Event,
    kind=_maybe(_pick(_EVENT_KINDS)),
    date=_MAYBE_DAY,
    part_of_day=_maybe(_pick(_PARTS_OF_DAY)),
    time=st.none() | _CLOCK | st.times(),
    location=_maybe(_pick(_LOCATIONS)),
    province=_maybe(_EVENT_PROVINCE),
)
# Chairs and participants: names, or the index of one of the article's people.
_ATTENDANCE: Final = st.tuples(
    st.lists(_NAME, max_size=2, unique=True), st.lists(_NAME, max_size=3, unique=True)
)


def _attended(event: Event, chairs: Sequence[str], participants: Sequence[str]) -> Event:
    chairs = tuple(dict.fromkeys(chairs))
    others = tuple(p for p in dict.fromkeys(participants) if p not in chairs)
    return attrs.evolve(event, chairs=chairs, participants=others)


_EVENTS: Final = st.builds(
    lambda event, attendance, found: attrs.evolve(
        _attended(event, *attendance), mentions=tuple(found)
    ),
    _EVENT_DRAFTS,
    _ATTENDANCE,
    st.lists(_MENTIONS, max_size=2),
)


def events() -> st.SearchStrategy[Event]:
    """Dated happenings: kind, date, part of day, time, place, chairs and participants."""
    return _EVENTS


_WARNING_MESSAGES: Final = st.one_of(
    st.just(("duplicate-caption", "a caption was printed more than twice")),
    _DAYS.map(
        lambda d: (
            "weekday-mismatch",
            f"weekday 'Thứ Tư' disagrees with {d.isoformat()}; the date was kept",
        )
    ),
    _DAY_MONTH.map(
        lambda d: (
            "unreadable-date",
            f"header 'Ngày đăng' is not a date this parser reads: '{d}'",
        )
    ),
    _pick(_EXTRA_KEYS).map(lambda key: ("unknown-header", f"header {key!r} was kept in extra")),
    _pick(_QUOTES).map(lambda q: ("unclosed-quote", f"a quotation is never closed: “{q}")),
)
_PARSE_WARNINGS: Final = st.builds(
    lambda pair, line: ParseWarning(code=pair[0], message=pair[1], line=line),
    _WARNING_MESSAGES,
    _maybe(st.integers(1, 200)),
)


def parse_warnings() -> st.SearchStrategy[ParseWarning]:
    """What a parser reports and did not silently accept: a code, a message, a line."""
    return _PARSE_WARNINGS


# --- articles ---------------------------------------------------------------------


def _blocks(
    title: str | None, lead: str | None, paragraphs: Sequence[str], captions: Sequence[str]
) -> list[_Block]:
    """The text blocks of an article as ``(block, index, text)``, for mentions that fit."""
    out = [("title", 0, title)] if title else []
    out += [("lead", 0, lead)] if lead else []
    out += [("paragraphs", i, p) for i, p in enumerate(paragraphs)]
    out += [("captions", i, c) for i, c in enumerate(captions)]
    return out


_RAW_SPANS: Final = st.lists(_RAW_SPAN, max_size=3)
_SLOTS: Final = st.lists(st.integers(0, 7), max_size=3)
_MAYBE_HEADLINE: Final = _maybe(_HEADLINE)
_MAYBE_SENTENCE: Final = _maybe(_FULL_SENTENCE)
_PARAGRAPHS: Final = st.lists(_PARAGRAPH, max_size=6)
_CAPTIONS: Final = st.lists(_CAPTION, max_size=3)
_ARTICLE_PEOPLE: Final = st.lists(
    st.tuples(_PERSON_DRAFTS, _RAW_SPANS), max_size=4, unique_by=lambda pair: pair[0].name
)
_ARTICLE_DOCUMENTS: Final = st.lists(st.tuples(_DOCUMENT_DRAFTS, _RAW_SPANS), max_size=3)
_ARTICLE_EVENTS: Final = st.lists(st.tuples(_EVENT_DRAFTS, _SLOTS, _SLOTS, _RAW_SPANS), max_size=3)
_URLS: Final = _maybe(st.tuples(_pick(_DOMAINS), st.integers(1, 10**8)))
_MAYBE_SOURCE: Final = _maybe(_pick(_SOURCES))
_AUTHORS: Final = st.lists(_NAME | _pick(_PEN_NAMES), max_size=3, unique=True)
_CREDIT_LISTS: Final = st.lists(_pick(_CREDITS), max_size=2, unique=True)
_TAG_LISTS: Final = st.lists(_pick(_TAGS), max_size=4, unique=True)
_EXTRA: Final = st.lists(
    st.tuples(_pick(_EXTRA_KEYS), _pick(_EXTRA_VALUES)), max_size=3, unique_by=lambda kv: kv[0]
)
_WARNING_LISTS: Final = st.lists(_PARSE_WARNINGS, max_size=3)


@st.composite
def _articles(draw: st.DrawFn) -> Article:
    title, lead = draw(_MAYBE_HEADLINE), draw(_MAYBE_SENTENCE)
    paragraphs, captions = draw(_PARAGRAPHS), draw(_CAPTIONS)
    blocks = _blocks(title, lead, paragraphs, captions)

    def placed(raws: list[_RawSpan]) -> tuple[Mention, ...]:
        return tuple(_place(raw, blocks) for raw in raws) if blocks else ()

    people_ = [attrs.evolve(p, mentions=placed(raws)) for p, raws in draw(_ARTICLE_PEOPLE)]
    documents_ = [attrs.evolve(d, mentions=placed(raws)) for d, raws in draw(_ARTICLE_DOCUMENTS)]
    events_ = []
    for event, chair_slots, participant_slots, raws in draw(_ARTICLE_EVENTS):
        if people_:  # chairs and participants are the article's people
            chairs = [people_[i % len(people_)].name for i in chair_slots]
            participants = [people_[i % len(people_)].name for i in participant_slots]
        else:
            chairs, participants = draw(_ATTENDANCE)
        events_.append(attrs.evolve(_attended(event, chairs, participants), mentions=placed(raws)))
    url = draw(_URLS)
    return Article(
        title=title,
        published=draw(_PUBLISHED),
        lead=lead,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source=draw(_MAYBE_SOURCE),
        authors=tuple(draw(_AUTHORS)),
        credits=tuple(draw(_CREDIT_LISTS)),
        url=None if url is None else _url(*url, title or lead or "tin tức"),
        tags=tuple(draw(_TAG_LISTS)),
        extra=tuple(draw(_EXTRA)),
        people=tuple(people_),
        documents=tuple(documents_),
        events=tuple(events_),
        warnings=tuple(draw(_WARNING_LISTS)),
    )


def _url(domain: str, number: int, headline: str) -> str:
    """A news site's address for an article: slug of the headline, then an id."""
    return f"https://{domain}/{_ascii_slug(headline)}-{number}.html"


_ARTICLES: Final = _articles()


def articles() -> st.SearchStrategy[Article]:
    """Whole articles: layout fields, extracted people, documents and events, warnings.

    Mentions point into the article's own text blocks; event chairs and
    participants are names of the article's people when it has any.
    """
    return _ARTICLES


# --- layout articles ----------------------------------------------------------------

# Line openings that the text renderer or the parser give a meaning of their own.
_RESERVED_STARTS: Final = (
    "nguồn:", "nguồn :", "theo ", "source:", "#", "tác giả:", "ảnh:", "title:", "key:",
    "(", "[", "-", "–", "*", "đồ họa:", "đồ hoạ:", "video:", "clip:",
)  # fmt: skip
# "Key: value": a short run of letters, digits and spaces, then a colon.
_HEADER_LIKE: Final = re.compile(r"^[^\W\d_][\w ]{0,30}?\s*:")
# "… - VnExpress": a title suffix the parser may take for the site's name.
_SITE_SUFFIX: Final = re.compile(r"\s[-–|]\s")
_BYLINE_WORDS: Final = range(2, 6)
_RETRIES: Final = 5


def _plain_line(text: str) -> bool:
    """A line the renderer can print as itself: no header, source or credit shape."""
    return (
        not text.casefold().startswith(_RESERVED_STARTS)
        and _HEADER_LIKE.match(text) is None
        and any(ch.isalnum() for ch in text)
    )


def _byline_name(text: str) -> bool:
    """Two to five capitalised words of letters only: a name a byline can carry."""
    words = text.split()
    return len(words) in _BYLINE_WORDS and all(
        w.isalpha() and w[0].isupper() and w[1:].islower() for w in words
    )


def _stem(text: str) -> str:
    return text.rstrip(".…!? ").casefold()


_LAYOUT_TITLE: Final = _PLAIN_HEADLINE.filter(lambda t: _SITE_SUFFIX.search(t) is None)
_LAYOUT_AUTHOR: Final = _pick(
    tuple(name for name in (*_PEN_NAMES, *_VN_NAMES) if _byline_name(name))
)
_LAYOUT_CREDIT: Final = _pick(("Tổng hợp", "TTXVN tổng hợp", "Lược dịch từ Reuters"))
_LAYOUT_SOURCE: Final = _pick(_SOURCES)


@st.composite
def _layout_articles(draw: st.DrawFn, when: st.SearchStrategy[datetime | date | None]) -> Article:
    stems: list[str] = []

    def fresh(strategy: st.SearchStrategy[str]) -> str:
        """A plain line that neither equals, nor starts, nor starts with another line."""
        for _ in range(_RETRIES):
            line = draw(strategy)
            stem = _stem(line)
            if _plain_line(line) and not any(
                s.startswith(stem) or stem.startswith(s) for s in stems
            ):
                break
        else:
            reject()
        stems.append(stem)
        return line

    title = fresh(_LAYOUT_TITLE)
    paragraphs = [fresh(_PARAGRAPH) for _ in range(draw(st.integers(0, 6)))]
    lead = fresh(_FULL_SENTENCE) if bool(paragraphs) or draw(st.booleans()) else None
    captions = [fresh(_CAPTION) for _ in range(draw(st.integers(0, 3)))]
    source = fresh(_LAYOUT_SOURCE) if draw(st.booleans()) else None
    authors = [fresh(_LAYOUT_AUTHOR) for _ in range(draw(st.integers(0, 2)))]
    credit_lines = [fresh(_LAYOUT_CREDIT) for _ in range(draw(st.integers(0, 1)))]
    return Article(
        title=title,
        published=draw(when),
        lead=lead,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source=source,
        authors=tuple(authors),
        credits=tuple(credit_lines),
    )


_LAYOUT_ARTICLES: Final = _layout_articles(_PUBLISHED)


def layout_articles(
    *, when: st.SearchStrategy[datetime | date | None] | None = None
) -> st.SearchStrategy[Article]:
    """Articles in the canonical shape the text renderer can express, for round-trip tests.

    Only layout fields are set: people, documents, events, warnings, ``url``,
    ``tags`` and ``extra`` are empty.  The title is always set; the lead is
    set whenever there are paragraphs.  Every line is unique within the
    article and none is a prefix of another; none begins like a header
    (``Key: value``, ``# key = value``), a source or credit line (``Nguồn:``,
    ``Theo …``, ``Ảnh:``, ``(…``) or is layout noise.  Titles have no final
    stop and no `` - Site`` suffix; lead and paragraphs are sentences ending
    with a full stop; captions are short sentences; authors are personal
    names of two to five capitalised words ("Phương Thảo", "Trương Thị Mai");
    sources are names such as "Bộ Công an", "TTXVN" or "Báo Nhân Dân";
    credits are short phrases such as "Tổng hợp".

    ``when`` replaces the strategy for ``Article.published`` (by default
    :func:`published`: None, a plain date, or an aware datetime).
    """
    return _LAYOUT_ARTICLES if when is None else _layout_articles(when)
