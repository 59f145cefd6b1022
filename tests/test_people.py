"""People: names and their parts, honorifics, ranks, positions and short mentions.

The founding article must give exactly its four people; each phrasing real news
uses is tested on its own; property tests render generated people into a
sentence and read them back; the dev corpus is scored against its gold.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import vnnews
from vnnews._blocks import text_blocks
from vnnews._names import is_foreign_word, split_name
from vnnews._normalize import fold
from vnnews._people import (
    _CAPITAL_HEAD_KEYS,
    _DEPUTY_RE,
    _DESCRIPTOR_KEYS,
    _DESCRIPTOR_SPELLINGS,
    _INSIDE_FIRST,
    _INSIDE_RE,
    _KINDS,
    _SPELLING_KINDS,
    _STOP_FIRST,
    _STOP_RE,
    _TRIGGER_RE,
    _Block,
    _colon_end,
    _extent,
    _find_each,
    _Finder,
    _fold,
    _found,
    _key,
    _Known,
    _lower,
    _read_extent,
    _rows_of,
    _Scan,
    _Seen,
    _Someone,
    _title_of,
    extract_people,
)
from vnnews.strategies import people


def read(text: str) -> tuple[vnnews.Person, ...]:
    return extract_people(text_blocks(None, text, (), ()))


def titles(person: vnnews.Person) -> list[str]:
    return [p.title for p in person.positions]


def summary(text: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    return [(p.name, p.honorific, p.rank, titles(p)) for p in read(text)]


# --- the founding article ---------------------------------------------------------------


def test_the_founding_article_names_its_four_people() -> None:
    article = vnnews.parse(vnnews.example_text())
    got = [(p.name, p.honorific, p.rank, titles(p)) for p in article.people]
    assert got == [
        (
            "Trương Thị Mai",
            "Đồng chí",
            None,
            [
                "Ủy viên Bộ Chính trị",
                "Trưởng ban Dân vận Trung ương",
                "Trưởng Ban Chỉ đạo",
                "Trưởng Đoàn kiểm tra",
            ],
        ),
        (
            "Tô Lâm",
            None,
            "Thượng tướng",
            ["Ủy viên Bộ Chính trị", "Bí thư Đảng ủy Công an Trung ương", "Bộ trưởng Bộ Công an"],
        ),
        (
            "Nguyễn Thanh Hải",
            "đồng chí",
            None,
            [
                "Ủy viên Trung ương Đảng",
                "Trưởng Ban Dân nguyện Quốc hội",
                "Phó Trưởng Đoàn kiểm tra",
            ],
        ),
        ("Nguyễn Trọng Thừa", "đồng chí", None, ["Thứ trưởng Bộ Nội vụ"]),
    ]
    mai, lam = article.people[:2]
    assert (mai.family, mai.middle, mai.given) == ("Trương", "Thị", "Mai")
    assert (lam.family, lam.middle, lam.given) == ("Tô", None, "Lâm")
    minister = lam.positions[2]
    assert (minister.role, minister.organisation, minister.former) == (
        "Bộ trưởng",
        "Bộ Công an",
        False,
    )
    # Every mention points at the name as written, captions included.
    for person in article.people:
        for m in person.mentions:
            block = getattr(article, m.block)
            text = block[m.index] if isinstance(block, tuple) else block
            assert text[m.start : m.end] == person.name
    assert len(lam.mentions) == 4  # lead, a caption, a paragraph, a caption


def test_people_survive_json() -> None:
    article = vnnews.parse(vnnews.example_text())
    assert vnnews.from_json(vnnews.to_json(article)) == article
    data = vnnews.to_dict(article)
    assert data["people"][1]["name"] == "Tô Lâm"
    assert data["people"][1]["rank"] == "Thượng tướng"
    assert data["people"][1]["positions"][2]["title"] == "Bộ trưởng Bộ Công an"


# --- phrasings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param(
            "Cùng dự có các đồng chí: Nguyễn Thanh Hải, Ủy viên Trung ương Đảng; "
            "Nguyễn Trọng Thừa, Thứ trưởng Bộ Nội vụ.",
            [
                ("Nguyễn Thanh Hải", "đồng chí", None, ["Ủy viên Trung ương Đảng"]),
                ("Nguyễn Trọng Thừa", "đồng chí", None, ["Thứ trưởng Bộ Nội vụ"]),
            ],
            id="list-after-cac-dong-chi",
        ),
        pytest.param(
            "Tại cuộc họp, ông Nguyễn Thành Phong - Chủ tịch UBND TPHCM khẳng định.",
            [("Nguyễn Thành Phong", "ông", None, ["Chủ tịch UBND TPHCM"])],
            id="dash",
        ),
        pytest.param(
            "Bà Trần Kim Yến (Chủ tịch Mặt trận Tổ quốc TP HCM) nêu thực trạng.",
            [("Trần Kim Yến", "Bà", None, ["Chủ tịch Mặt trận Tổ quốc TP HCM"])],
            id="parentheses",
        ),
        pytest.param(
            "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung yêu cầu xử lý nghiêm.",
            [("Nguyễn Đức Chung", None, None, ["Chủ tịch UBND TP Hà Nội"])],
            id="title-before-name",
        ),
        pytest.param(
            "Theo Bí thư Quận ủy kiêm Chủ tịch UBND quận Nam Từ Liêm Nguyễn Văn Hải, quận đổi mới.",
            [
                (
                    "Nguyễn Văn Hải",
                    None,
                    None,
                    ["Bí thư Quận ủy", "Chủ tịch UBND quận Nam Từ Liêm"],
                )
            ],
            id="kiem",
        ),
        pytest.param(
            "Khi làm việc, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải "
            "đánh giá cao.",
            [("Hoàng Trung Hải", None, None, ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy Hà Nội"])],
            id="titles-before-name",
        ),
        pytest.param(
            "Ông Phạm Xuân Phúc, Phó Chánh Thanh tra Bộ Văn hóa, Thể thao và Du lịch cho hay.",
            [
                (
                    "Phạm Xuân Phúc",
                    "Ông",
                    None,
                    ["Phó Chánh Thanh tra Bộ Văn hóa, Thể thao và Du lịch"],
                )
            ],
            id="comma-inside-organisation",
        ),
        pytest.param(
            "Đại tá Trần Trung Thu, Trưởng Công an huyện Bắc Bình, cho biết.",
            [("Trần Trung Thu", None, "Đại tá", ["Trưởng Công an huyện Bắc Bình"])],
            id="rank",
        ),
        pytest.param(
            "Phó đô đốc Phạm Hoài Nam kiểm tra đơn vị.",
            [("Phạm Hoài Nam", None, "Phó đô đốc", [])],
            id="navy-rank",
        ),
        pytest.param(
            "Ông Đinh La Thăng, nguyên Chủ tịch Hội đồng thành viên Tập đoàn Dầu khí, có mặt.",
            [
                (
                    "Đinh La Thăng",
                    "Ông",
                    None,
                    ["nguyên Chủ tịch Hội đồng thành viên Tập đoàn Dầu khí"],
                )
            ],
            id="former",
        ),
        pytest.param(
            "Phân công ông Nguyễn Thiện Nhân giữ chức Bí thư Thành ủy TP.HCM.",
            [("Nguyễn Thiện Nhân", "ông", None, ["Bí thư Thành ủy TP.HCM"])],
            id="giu-chuc",
        ),
        pytest.param(
            "Tổng thống Mỹ Joe Biden điện đàm với Thủ tướng Israel Benjamin Netanyahu.",
            [
                ("Joe Biden", None, None, ["Tổng thống Mỹ"]),
                ("Benjamin Netanyahu", None, None, ["Thủ tướng Israel"]),
            ],
            id="foreign",
        ),
        pytest.param(
            '"Thời gian đang chống lại Israel", Andreas Krieg, chuyên gia từ Đại học Hoàng gia '
            "London, nhận xét.",
            [("Andreas Krieg", None, None, ["chuyên gia từ Đại học Hoàng gia London"])],
            id="name-before-title",
        ),
        pytest.param(
            "Về trường hợp ông Nguyễn Quang Tuấn - Giám đốc bệnh viện Bạch Mai, Trưởng ban Công "
            "tác đại biểu Nguyễn Thị Thanh cho biết.",
            [
                ("Nguyễn Quang Tuấn", "ông", None, ["Giám đốc bệnh viện Bạch Mai"]),
                ("Nguyễn Thị Thanh", None, None, ["Trưởng ban Công tác đại biểu"]),
            ],
            id="title-belongs-to-the-next-name",
        ),
        pytest.param(
            "Người dùng mạng Mai Mai cho rằng đó là cô Hoa và cô Bình.",
            [("Hoa", "cô", None, []), ("Bình", "cô", None, [])],
            id="given-name-with-address-word",
        ),
        pytest.param(
            "Bị cáo Nguyễn Văn H. khai nhận; anh Đ. và chị N. là nhân chứng, N.V.A. vắng mặt.",
            [("Nguyễn Văn H.", None, None, [])],
            id="masked-name-not-initials",
        ),
    ],
)
def test_phrasings(text: str, want: list[tuple[str, str | None, str | None, list[str]]]) -> None:
    assert summary(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Thủ tướng Chính phủ yêu cầu Bộ Công an xử lý nghiêm.",
        "Chủ tịch UBND tỉnh Lâm Đồng cho biết hồ sơ đã đủ.",
        "Trưởng Ban Dân nguyện Quốc hội và Ủy viên Trung ương Đảng dự họp.",
        "Chủ tịch Hà Nội yêu cầu xử nghiêm cô giáo đánh trẻ mầm non.",
        "Toàn cảnh buổi làm việc. Ảnh: Lê Quân",
        "Ông Chủ tịch UBND huyện Văn Yên cho biết, hội đền Đông Cuông có từ lâu.",
        "Bí thư Tỉnh ủy Hà Nam đến thăm Trung tâm Moshe Dayan.",
        "Giám đốc Bệnh viện Bạch Mai nói với Hamas và NATO.",
    ],
)
def test_no_person_from_a_title_an_organisation_or_a_place(text: str) -> None:
    assert read(text) == ()


def test_short_mentions_resolve_to_the_full_name() -> None:
    text = (
        "Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị; Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an "
        "đồng chủ trì. Bộ trưởng Tô Lâm phát biểu. Ông Lâm nhấn mạnh, đồng chí Mai ghi nhận; "
        "Thượng tướng Lâm kết luận."
    )
    mai, lam = read(text)
    assert (mai.name, len(mai.mentions)) == ("Trương Thị Mai", 2)
    assert (lam.name, len(lam.mentions)) == ("Tô Lâm", 4)
    # "Bộ trưởng Tô Lâm" repeats the longer title in fewer words: no second position.
    assert titles(lam) == ["Bộ trưởng Bộ Công an"]
    spans = [text[m.start : m.end] for m in lam.mentions]
    assert spans == ["Tô Lâm", "Tô Lâm", "Lâm", "Lâm"]


def test_a_short_mention_before_the_full_name_and_a_foreign_one() -> None:
    text = (
        "Thủ tướng Hungary Orban nói nước này sẽ duyệt. Thủ tướng Hungary Viktor Orban cho biết "
        "ngày 17/2. Ông Orban mời người đồng cấp Thụy Điển Ulf Kristersson. Thủ tướng Thụy Điển "
        "Kristersson trước đó nói ông sẵn sàng."
    )
    orban, kristersson = read(text)
    assert (orban.name, titles(orban), len(orban.mentions)) == (
        "Viktor Orban",
        ["Thủ tướng Hungary"],
        3,
    )
    assert (orban.family, orban.given) == ("Orban", "Viktor")
    assert (kristersson.name, titles(kristersson)) == ("Ulf Kristersson", ["Thủ tướng Thụy Điển"])


def test_titles_said_in_fewer_words_are_one_position() -> None:
    text = (
        "Bộ trưởng Bộ Y tế Nguyễn Thanh Long cho biết. Bộ trưởng Y tế Nguyễn Thanh Long lưu ý. "
        "Phó Thủ tướng Chính phủ Trương Hòa Bình kiểm tra. Phó Thủ tướng thường trực Trương Hòa "
        "Bình đề nghị. Phó Thủ tướng Trương Hòa Bình biểu dương."
    )
    long_, binh = read(text)
    assert titles(long_) == ["Bộ trưởng Bộ Y tế"]
    assert titles(binh) == ["Phó Thủ tướng Chính phủ", "Phó Thủ tướng thường trực"]


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Trương Thị Mai", ("Trương", "Thị", "Mai")),
        ("Nguyễn Thị Kim Ngân", ("Nguyễn", "Thị Kim", "Ngân")),
        ("Tô Lâm", ("Tô", None, "Lâm")),
        ("Tôn Nữ Thị Ninh", ("Tôn Nữ", "Thị", "Ninh")),
        ("Âu Dương Lê", ("Âu Dương", None, "Lê")),
        ("Nguyễn Văn H.", ("Nguyễn", "Văn", "H.")),
        ("Donald Trump", ("Trump", None, "Donald")),
        ("Mohammed bin Salman", ("Salman", "bin", "Mohammed")),
        ("Kim Jong-un", ("Kim", None, "Jong-un")),
        ("Khánh Hà", (None, "Khánh", "Hà")),
        ("Hoa", (None, None, "Hoa")),
    ],
)
def test_name_parts(name: str, parts: tuple[str | None, str | None, str | None]) -> None:
    assert split_name(name) == parts


# --- properties -------------------------------------------------------------------------


def _render(person: vnnews.Person) -> tuple[str, str | None, str | None]:
    """The person in a sentence, and the honorific and rank the sentence writes."""
    written = ", ".join([person.name, *titles(person)])
    if person.rank:
        return f"Hôm qua, {person.rank} {written}, phát biểu tại hội nghị.", None, person.rank
    if person.honorific:
        return (
            f"Hôm qua, {person.honorific} {written}, phát biểu tại hội nghị.",
            (person.honorific),
            None,
        )
    return f"Hôm qua, {written}, phát biểu tại hội nghị.", None, None


def _words(title: str) -> list[str]:
    return fold(title.replace(",", " ")).split()


def _abbreviates(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


@given(people())
def test_a_rendered_person_reads_back(person: vnnews.Person) -> None:
    """Name parts (render, then parse, gives the same parts), rank, honorific, positions."""
    assume(person.given is not None)  # a name the generator did not split
    assume(person.honorific or person.rank or person.positions)  # nothing says it is a name
    held = [_words(t) for t in titles(person)]
    assume(
        not any(
            i != j and _abbreviates(a, b) for i, a in enumerate(held) for j, b in enumerate(held)
        )
    )
    text, honorific, rank = _render(person)
    [got] = read(text)
    assert (got.name, got.family, got.middle, got.given) == (
        person.name,
        person.family,
        person.middle,
        person.given,
    )
    assert (got.honorific, got.rank) == (honorific, rank)
    assert titles(got) == titles(person)
    for want, have in zip(person.positions, got.positions, strict=True):
        assert have.former == want.former
        if want.role is not None:
            assert (have.role, have.organisation) == (want.role, want.organisation)


@given(people())
def test_a_person_named_after_the_titles_reads_back(person: vnnews.Person) -> None:
    """The other order: "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải"."""
    assume(person.given is not None and person.positions and " " in person.name)
    held = [_words(t) for t in titles(person)]
    assume(
        not any(
            i != j and _abbreviates(a, b) for i, a in enumerate(held) for j, b in enumerate(held)
        )
    )
    text = f"Hôm qua, {', '.join(titles(person))} {person.name} phát biểu tại hội nghị."
    [got] = read(text)
    assert (got.name, got.family, got.middle, got.given) == (
        person.name,
        person.family,
        person.middle,
        person.given,
    )
    assert titles(got) == titles(person)


# --- fast paths equal the plain ones ---------------------------------------------------

_WORDS = ("Nguyễn", "Văn", "An", "Lâm", "Tô", "Biden", "Joe", "Hoà", "Hòa", "Thị")


@given(
    st.text(alphabet="ông bà Bộ trưởng Thượng tướng Công an,.:Phó chủ tịch Đồng chí", max_size=80)
)
def test_every_trigger_spelling_has_the_kind_of_its_fold(text: str) -> None:
    """_SPELLING_KINDS (by the spelling matched) gives what _KINDS[_fold(word)] gave."""
    for m in _TRIGGER_RE.finditer(f" {_lower(text)}"):
        word = m.group("word")
        kind = _KINDS[_fold(word)]
        capital = kind == "head" and _fold(word) in _CAPITAL_HEAD_KEYS
        assert _SPELLING_KINDS[word] == ("capital-head" if capital else kind)


_TITLE_WORDS = [
    *_rows_of("title_words.tsv", "stop"),
    *_rows_of("title_words.tsv", "inside"),
    *"Xx ,.(",
]


@given(st.lists(st.sampled_from(_TITLE_WORDS), max_size=12), st.sampled_from(("", " ")))
def test_stop_and_inside_words_start_with_their_first_letters(words: list[str], sep: str) -> None:
    """The first-letter tests before _STOP_RE and _INSIDE_RE never skip a match."""
    low = _lower(sep.join(words))
    for i in range(len(low)):
        assert _STOP_RE.match(low, i) is None or low[i] in _STOP_FIRST
        assert _INSIDE_RE.match(low, i) is None or low[i] in _INSIDE_FIRST


def _old_bounds(block: Any, start: int, end: int) -> tuple[int, int, Any]:
    """_trim, then _cut, as they were (a bisect on the span pairs each)."""
    spans, trigger = block.spans, None
    while True:
        k = bisect.bisect_right(spans, (start, len(block.text))) - 1
        if k < 0 or not spans[k][0] <= start < spans[k][1]:
            break
        trigger = block.triggers[spans[k][1]][1]
        start = spans[k][1] + 1
    k = bisect.bisect_right(spans, (start, len(block.text)))
    if k < len(spans) and spans[k][0] < end:
        end = len(block.text[: spans[k][0]].rstrip())
    return start, end, trigger


_RUN_WORDS = ("ông", "Ông", "Chủ tịch", "Thượng tướng", "Nguyễn", "Văn", "An", ":")


@given(st.lists(st.sampled_from(_RUN_WORDS), max_size=10), st.data())
def test_bounds_trims_as_trim_and_cut_did(words: list[str], data: st.DataObject) -> None:
    blocks = text_blocks(None, " ".join(words), (), ())
    assume(len(blocks) == 1)
    scan = _Scan(0, blocks[0])
    start = data.draw(st.integers(0, len(scan.block.text)))
    end = data.draw(st.integers(start, len(scan.block.text)))
    assert scan._bounds(start, end) == _old_bounds(scan.block, start, end)  # noqa: SLF001


def test_descriptor_spellings_are_the_spellings_that_fold_to_a_descriptor() -> None:
    for spelling in _SPELLING_KINDS:
        folded = _fold(spelling) in _DESCRIPTOR_KEYS
        assert (spelling in _DESCRIPTOR_SPELLINGS) == folded
        assert not _DEPUTY_RE.match(f"{spelling} ") or " " in spelling  # "Phó X": two words


@given(st.text(alphabet=" :a", max_size=6), st.integers(0, 6))
def test_colon_end_is_where_the_colon_pattern_ends(text: str, at: int) -> None:
    colon = re.compile(r" ?:").match(text, at)
    assert _colon_end(text, at) == (colon.end() if colon else at)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=12), st.integers(0, 90))
def test_span_starts_bisect_as_the_spans_did(pairs: list[tuple[int, int]], at: int) -> None:
    spans = sorted((start, start + length) for start, length in pairs)
    starts = [start for start, _ in spans]
    assert bisect.bisect_right(starts, at) == bisect.bisect_right(spans, (at, 100))


_title_texts = st.text(alphabet="Bộ trưởng Công an, ;:-–Phó", min_size=1, max_size=40)


@given(_title_texts, st.data())
def test_title_of_cuts_as_the_title_did(written: str, data: st.DataObject) -> None:
    role = data.draw(st.integers(0, len(written)))
    end = data.draw(st.integers(role, len(written)))
    got = _title_of(written, role, end, former=False)
    title = written.rstrip(" ,;:-–")
    rest = written[end : len(title)].strip(" ,")
    organisation = rest if any(ch.isupper() for ch in rest) else None
    assert got == (
        " ".join(title.split()),
        " ".join(written[role:end].split()),
        organisation,
        False,
    )


def _slow_resolve(short: Any, people: list[Any]) -> Any:
    """_resolve as it was: every person compared with the mention."""
    key = tuple(_fold(w) for w in short.words)
    n = len(key)
    matches = [p for p in people if len(p.key) > n and p.key[-n:] == key]
    if not matches and n == 1 and is_foreign_word(short.words[0]):
        matches = [p for p in people if len(p.key) > 1 and p.key[0] == key[0]]
    if not matches:
        return None
    before = [
        (max(s.order for s in p.seen if s.order < short.order), p)
        for p in matches
        if p.seen[0].order < short.order
    ]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(matches, key=lambda p: p.seen[0].order)


def _seen(words: tuple[str, ...], order: tuple[int, int]) -> Any:
    return _Seen(order, None, 0, 1, words, None, None, (), lone=False)  # type: ignore[arg-type]


_names = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(tuple)
_orders = st.tuples(st.integers(0, 3), st.integers(0, 50))


@given(
    st.lists(st.tuples(_names, st.lists(_orders, min_size=1, max_size=4)), max_size=6),
    st.lists(st.tuples(_names, _orders), max_size=6),
)
def test_known_resolves_as_comparing_every_person(
    people: list[tuple[tuple[str, ...], list[tuple[int, int]]]],
    shorts: list[tuple[tuple[str, ...], tuple[int, int]]],
) -> None:
    everyone: dict[tuple[str, ...], Any] = {}
    for words, orders in people:
        key = _key(words)
        for order in orders:
            if key in everyone:
                everyone[key].seen.append(_seen(words, order))
            else:
                everyone[key] = _Someone(_seen(words, order))
    found = list(everyone.values())
    known = _Known(found)
    for words, order in shorts:
        assert known.resolve(_seen(words, order)) is _slow_resolve(_seen(words, order), found)


@given(st.lists(_names, max_size=8), _names)
def test_name_ends_find_the_longer_names(
    names: list[tuple[str, ...]], name: tuple[str, ...]
) -> None:
    longer = {_key(w) for w in names}
    ends = {k[-n:] for k in longer for n in range(1, len(k))}
    key = _key(name)
    assert (key in ends) == any(len(k) > len(key) and k[-len(key) :] == key for k in longer)


@given(
    st.lists(
        st.sampled_from(("Tô Lâm", "Lâm", "Hà Văn Hà", "Hà", "Nguyễn Văn An", "An")), max_size=4
    ),
    st.text(alphabet="Tô Lâm Hà Văn Nguyễn An,.", max_size=60),
)
def test_finder_finds_what_find_finds(names: list[str], text: str) -> None:
    names = list(dict.fromkeys(names))
    assume(names)
    assert list(_Finder(names).occurrences(text)) == list(_find_each(text, names))


# --- the dev corpus ---------------------------------------------------------------------


def test_people_match_gold_on_dev(dev_scores: dict[str, Any]) -> None:
    """People F1 ≥ 0.95, positions F1 ≥ 0.90 and rank accuracy ≥ 0.97 on the dev corpus."""
    result = dev_scores
    assert result["people"]["f"] >= 0.95, result["misses"]
    assert result["positions"]["f"] >= 0.90, result["misses"]
    assert result["rank_acc"] >= 0.97, result["misses"]


_TRIGGER_TEXT = "ông bà Bộ trưởng Thượng tướng Công an,.:Phó chủ tịch Đồng chí\n"


@given(st.lists(st.text(alphabet=_TRIGGER_TEXT, max_size=40), max_size=5))
def test_found_over_joined_blocks_is_found_block_by_block(texts: list[str]) -> None:
    """One _TRIGGER_RE pass over the joined blocks finds what one pass per block found."""
    lows = [_lower(text) for text in texts]
    each = [
        [
            (m.start("word") - 1, m.end() - 1, m.group("word"))
            for m in _TRIGGER_RE.finditer(f" {low}")
        ]
        for low in lows
    ]
    assert [[tuple(f) for f in found] for found in _found(lows)] == each


_EXTENT_WORDS = (
    "Bộ",
    "Công",
    "an",
    "Chủ tịch",
    "UBND",
    "tỉnh",
    "cho biết",
    "Nguyễn Văn An",
    "(",
    ")",
    ",",
)


@given(st.lists(st.sampled_from(_EXTENT_WORDS), max_size=10), st.data())
def test_extent_remembered_or_not_reads_the_same(words: list[str], data: st.DataObject) -> None:
    """_extent (its fast path for a space, its answers kept per block) equals _read_extent."""
    block = _Block(" ".join(words))
    size = len(block.text)
    for _ in range(3):
        pos = data.draw(st.integers(0, size))
        limit = data.draw(st.integers(0, size))
        to_limit, inner = data.draw(st.booleans()), data.draw(st.booleans())
        want = _read_extent(block, pos, limit, to_limit=to_limit, inner=inner)
        assert _extent(block, pos, limit, to_limit=to_limit, inner=inner) == want
        assert _extent(block, pos, limit, to_limit=to_limit, inner=inner) == want
        if data.draw(st.booleans()):
            block.names.add(pos)  # a name found: answers read before no longer hold
