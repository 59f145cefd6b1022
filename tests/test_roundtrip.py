"""Dicts, JSON and JSON Lines give back equal values; validators and SchemaError paths.

The number of examples comes from the hypothesis profile chosen in conftest.py.
"""

from __future__ import annotations

import io
import json
import pickle
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnnews._errors import DecodeError, SchemaError
from vnnews._model import Article, Document, Event, Mention, ParseWarning, Person, Position
from vnnews._serialize import dump_jsonl, from_dict, from_json, load_jsonl, to_dict, to_json
from vnnews.strategies import (
    articles,
    documents,
    events,
    layout_articles,
    lines,
    mentions,
    names,
    parse_warnings,
    people,
    positions,
)

VIETNAM = timezone(timedelta(hours=7))

SMALL_VALUES = pytest.mark.parametrize(
    "strategy",
    [mentions(), parse_warnings(), positions(), people(), documents(), events()],
    ids=["Mention", "ParseWarning", "Position", "Person", "Document", "Event"],
)


def is_json_data(value: object) -> bool:
    """Only what JSON has: objects with str keys, lists, str, int, bool and null."""
    if value is None or isinstance(value, str | int | bool):
        return True
    if isinstance(value, list):
        return all(is_json_data(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_json_data(v) for k, v in value.items())
    return False


def sample_dict() -> dict[str, Any]:
    """A small Article as plain data, for breaking one field at a time."""
    article = Article(
        title="Nâng cao hiệu quả công tác dân vận",
        published=datetime(2018, 6, 12, 8, 55, tzinfo=VIETNAM),
        people=(
            Person(
                name="Tô Lâm",
                rank="Thượng tướng",
                positions=(Position(title="Bộ trưởng Bộ Công an"),),
                mentions=(Mention(block="title", index=0, start=0, end=3),),
            ),
        ),
        events=(Event(kind="buổi làm việc", date=date(2018, 6, 11), time=time(14, 0)),),
        extra=(("Chuyên mục", "Thời sự"),),
    )
    data = to_dict(article)
    assert from_dict(data) == article
    return data


def schema_errors(data: object, cls: type = Article) -> str:
    """The SchemaError ``from_dict`` raises for ``data``, as one string."""
    with pytest.raises(SchemaError) as info:
        from_dict(data, cls)
    return str(info.value)


# --- round trips -------------------------------------------------------------------


@given(articles())
def test_article_dict_round_trip(article: Article) -> None:
    data = to_dict(article)
    assert from_dict(data) == article
    # Equality of aware datetimes ignores the offset; the dict does not.
    assert to_dict(from_dict(data)) == data


@given(articles())
def test_article_json_round_trip(article: Article) -> None:
    text = to_json(article)
    assert from_json(text) == article
    assert from_json(text.encode()) == article
    assert to_json(from_json(text)) == text


@given(articles())
def test_to_dict_is_plain_json_data(article: Article) -> None:
    data = to_dict(article)
    assert is_json_data(data)
    assert list(data) == [field.name for field in attrs.fields(Article)]
    assert json.loads(json.dumps(data)) == data
    assert all(isinstance(pair, list) for pair in data["extra"])


@given(st.lists(articles(), max_size=3))
def test_json_lines_round_trip(batch: list[Article]) -> None:
    stream = io.StringIO()
    assert dump_jsonl(batch, stream) == len(batch)
    text = stream.getvalue()
    assert text.count("\n") == len(batch)
    stream.seek(0)
    assert list(load_jsonl(stream)) == batch
    assert list(load_jsonl(text.split("\n"))) == batch


@SMALL_VALUES
@given(data=st.data())
def test_small_value_round_trips(strategy: st.SearchStrategy[Any], data: st.DataObject) -> None:
    value = data.draw(strategy)
    plain = to_dict(value)
    assert is_json_data(plain)
    assert from_dict(plain, cls=type(value)) == value
    assert from_json(to_json(value), cls=type(value)) == value


@given(articles())
def test_equal_values_hash_equal(article: Article) -> None:
    copy: Article = from_dict(to_dict(article))
    assert copy == article
    assert hash(copy) == hash(article)
    assert attrs.evolve(article) == article
    assert hash(attrs.evolve(article)) == hash(article)


@SMALL_VALUES
@given(data=st.data())
def test_equal_small_values_hash_equal(
    strategy: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(strategy)
    copy: object = from_dict(to_dict(value), cls=type(value))
    assert hash(copy) == hash(value)


@given(articles())
def test_articles_are_frozen(article: Article) -> None:
    for field in attrs.fields(Article):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(article, field.name, getattr(article, field.name))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(article, field.name)
    assert not hasattr(article, "__dict__")


@SMALL_VALUES
@given(data=st.data())
def test_small_values_are_frozen(strategy: st.SearchStrategy[Any], data: st.DataObject) -> None:
    value = data.draw(strategy)
    for field in attrs.fields(type(value)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, field.name, getattr(value, field.name))


# --- the strategies themselves -------------------------------------------------------


@given(lines())
def test_lines_are_valid_lines(line: str) -> None:
    ParseWarning(code=line, message=line)  # the validator of every line field
    assert unicodedata.is_normalized("NFC", line)
    assert "  " not in line


@given(names())
def test_names_are_names(name: str) -> None:
    assert Person(name=name).name == name
    assert len(name.split()) >= 2
    assert all(word[0].isupper() for word in name.split())


@given(articles())
def test_articles_are_coherent(article: Article) -> None:
    """Mentions point into the text; published is None, a date or an aware datetime."""
    found = [m for p in article.people for m in p.mentions]
    found += [m for d in article.documents for m in d.mentions]
    found += [m for e in article.events for m in e.mentions]
    for mention in found:
        block = getattr(article, mention.block)
        text = block[mention.index] if isinstance(block, tuple) else block
        assert isinstance(text, str)
        assert mention.end <= len(text)
    value = article.published
    if isinstance(value, datetime):
        offset = value.utcoffset()
        assert offset is not None
        assert offset % timedelta(minutes=30) == timedelta(0)
    else:
        assert value is None or isinstance(value, date)


@given(layout_articles())
def test_layout_articles_have_the_canonical_shape(article: Article) -> None:
    assert article.title is not None
    assert article.lead is not None or not article.paragraphs
    assert (article.people, article.documents, article.events, article.warnings) == ((), (), (), ())
    assert (article.url, article.tags, article.extra) == (None, (), ())
    texts = [
        article.title,
        *([article.lead] if article.lead else []),
        *article.paragraphs,
        *article.captions,
        *([article.source] if article.source else []),
        *article.authors,
        *article.credits,
    ]
    assert len(set(texts)) == len(texts)
    reserved = ("Nguồn:", "Theo ", "Source:", "#", "Tác giả:", "Ảnh:", "Title:", "Key:", "(")
    for text in texts:
        assert not text.startswith(reserved), text
        assert text != "."
    assert not article.title.endswith(".")
    assert all(p.endswith(".") and len(p.split()) >= 3 for p in article.paragraphs)
    assert article.lead is None or article.lead.endswith(".")


# --- validators --------------------------------------------------------------------


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware datetime"):
        Article(published=datetime(2018, 6, 12, 8, 55))  # noqa: DTZ001


def test_plain_date_and_aware_datetime_are_accepted() -> None:
    assert Article(published=date(2018, 6, 12)).published == date(2018, 6, 12)
    moment = datetime(2018, 6, 12, 8, 55, tzinfo=VIETNAM)
    assert Article(published=moment).published == moment


def test_published_of_another_type_is_refused() -> None:
    with pytest.raises(TypeError, match="published"):
        Article(published="2018-06-12")  # type: ignore[arg-type]


def test_empty_name_is_refused() -> None:
    with pytest.raises(ValueError, match="name must be non-empty"):
        Person(name="")


def test_padded_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no leading or trailing space"):
        Person(name=" Tô Lâm")


@pytest.mark.parametrize("brk", ["\n", "\r", "\u2028", "\x85"])
def test_multi_line_paragraph_is_refused(brk: str) -> None:
    with pytest.raises(ValueError, match="single line"):
        Article(paragraphs=(f"Dòng một.{brk}Dòng hai.",))


def test_nfd_text_is_refused() -> None:
    decomposed = unicodedata.normalize("NFD", "Trương Thị Mai")
    with pytest.raises(ValueError, match="NFC"):
        Person(name=decomposed)
    with pytest.raises(ValueError, match="NFC"):
        Article(title=decomposed)


def test_lists_are_refused_where_tuples_belong() -> None:
    with pytest.raises(TypeError, match="tuple"):
        Article(paragraphs=["Một đoạn."])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Person(name="Tô Lâm", positions=[Position(title="Bộ trưởng")])  # type: ignore[arg-type]


def test_event_date_and_document_issued_are_plain_dates() -> None:
    moment = datetime(2018, 6, 11, tzinfo=VIETNAM)
    with pytest.raises(TypeError, match="not a datetime"):
        Event(date=moment)
    with pytest.raises(TypeError, match="not a datetime"):
        Document(kind="Nghị quyết", issued=moment)


def test_mention_span_must_not_run_backwards() -> None:
    with pytest.raises(ValueError, match="before start"):
        Mention(block="lead", index=0, start=5, end=2)
    with pytest.raises(ValueError, match="must not be negative"):
        Mention(block="lead", index=-1, start=0, end=0)
    with pytest.raises(ValueError, match="block"):
        Mention(block="body", index=0, start=0, end=0)


def test_extra_must_hold_pairs_of_str() -> None:
    with pytest.raises(ValueError, match="pairs"):
        Article(extra=(("Chuyên mục",),))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="extra must be non-empty"):
        Article(extra=(("", "Thời sự"),))


# --- SchemaError paths ---------------------------------------------------------------


def test_wrong_type_names_the_nested_path() -> None:
    data = sample_dict()
    data["people"][0]["positions"][0]["title"] = 25
    message = schema_errors(data)
    assert "$.people[0].positions[0].title" in message
    with pytest.raises(SchemaError) as info:
        from_dict(data)
    assert any("$.people[0].positions[0].title" in error for error in info.value.errors)


def test_schema_error_is_a_value_error() -> None:
    assert issubclass(SchemaError, ValueError)


@pytest.mark.parametrize(
    ("where", "key"),
    [((), "title"), (("people", 0), "name"), (("people", 0, "mentions", 0), "end")],
)
def test_missing_key_is_refused(where: tuple[str | int, ...], key: str) -> None:
    data = sample_dict()
    target: Any = data
    for step in where:
        target = target[step]
    del target[key]
    message = schema_errors(data)
    assert "missing keys" in message
    assert key in message


def test_unknown_key_is_refused() -> None:
    data = sample_dict()
    data["subtitle"] = "Thêm"
    assert "subtitle" in schema_errors(data)
    data = sample_dict()
    data["events"][0]["weather"] = "nắng"
    message = schema_errors(data)
    assert "weather" in message
    assert "$.events[0]" in message


def test_naive_datetime_string_is_refused() -> None:
    data = sample_dict()
    data["published"] = "2018-06-12T08:55:00"
    assert "$.published" in schema_errors(data)


def test_published_strings_read_back_as_written() -> None:
    data = sample_dict()
    data["published"] = "2018-06-12"
    assert from_dict(data).published == date(2018, 6, 12)
    data["published"] = "2018-06-12T08:55:00+07:00"
    assert from_dict(data).published == datetime(2018, 6, 12, 8, 55, tzinfo=VIETNAM)


def test_datetime_where_a_plain_date_belongs_is_refused() -> None:
    data = sample_dict()
    data["events"][0]["date"] = "2018-06-11T00:00:00+07:00"
    assert "$.events[0].date" in schema_errors(data)


@pytest.mark.parametrize("value", [True, 1.5, "3"])
def test_int_fields_refuse_other_json_types(value: object) -> None:
    data = sample_dict()
    data["people"][0]["mentions"][0]["index"] = value
    assert "$.people[0].mentions[0].index" in schema_errors(data)


def test_validator_failures_become_schema_errors() -> None:
    data = sample_dict()
    data["people"][0]["name"] = ""
    assert "$.people[0]" in schema_errors(data)
    data = sample_dict()
    data["paragraphs"] = ["Dòng một.\nDòng hai."]
    assert "single line" in schema_errors(data)
    data = sample_dict()
    data["title"] = unicodedata.normalize("NFD", data["title"])
    assert "NFC" in schema_errors(data)


@pytest.mark.parametrize("data", [[], "bài báo", None, 42])
def test_non_object_input_is_refused(data: object) -> None:
    assert "$" in schema_errors(data)


def test_non_object_where_a_nested_object_belongs_is_refused() -> None:
    data = sample_dict()
    data["people"] = ["Tô Lâm"]
    assert "$.people[0]" in schema_errors(data)


def test_extra_pairs_of_the_wrong_size_are_refused() -> None:
    data = sample_dict()
    data["extra"] = [["Chuyên mục", "Thời sự", "thừa"]]
    assert "$.extra[0]" in schema_errors(data)


def test_small_types_check_their_own_keys() -> None:
    assert "missing keys" in schema_errors({}, Mention)
    assert "$.title" in schema_errors(
        {"title": 1, "role": None, "organisation": None, "former": False}, Position
    )


@pytest.mark.parametrize("text", ["{", "", "[1, 2", b"\xff\xfe\x00", "\ufeff{}", "NaN x"])
def test_invalid_json_text_is_refused(text: str | bytes) -> None:
    with pytest.raises(SchemaError, match="not a JSON document"):
        from_json(text)


def test_json_of_the_wrong_shape_is_refused() -> None:
    with pytest.raises(SchemaError):
        from_json("[]")
    with pytest.raises(SchemaError, match="missing keys"):
        from_json('{"title": "Tiêu đề"}')


def test_json_lines_name_the_bad_line() -> None:
    good = to_json(Article(title="Tiêu đề"))
    with pytest.raises(SchemaError, match="line 3"):
        list(load_jsonl([good, "", "{oops"]))
    assert list(load_jsonl([good, "  ", good])) == [Article(title="Tiêu đề")] * 2


def test_from_dict_only_builds_vnnews_types() -> None:
    with pytest.raises(TypeError):
        from_dict({}, cls=dict)
    with pytest.raises(TypeError):
        to_dict({"title": "Tiêu đề"})


# --- gaps found while writing these tests, now fixed ------------------------------


def test_string_where_a_list_belongs_is_refused() -> None:
    data = sample_dict()
    data["paragraphs"] = "Đoạn"
    schema_errors(data)


def test_object_where_a_list_belongs_is_refused() -> None:
    data = sample_dict()
    data["tags"] = {"an ninh": 1}
    schema_errors(data)


def test_bool_is_refused_where_an_int_belongs() -> None:
    with pytest.raises(TypeError):
        Mention(block="title", index=True, start=0, end=0)


@given(articles())
def test_articles_pickle(article: Article) -> None:
    assert pickle.loads(pickle.dumps(article)) == article  # noqa: S301 - our own bytes


def test_errors_pickle_with_their_fields() -> None:
    error = DecodeError("undecodable byte", line=3, column=4, source="a.txt")
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(again) is DecodeError
    assert (again.line, again.column, again.source, str(again)) == (3, 4, "a.txt", str(error))
    schema = pickle.loads(pickle.dumps(SchemaError("invalid Article", ("x @ $",))))  # noqa: S301
    assert schema.errors == ("x @ $",)


# --- fast validators accept and refuse as their first definitions -------------------
#
# Each validator of _model decides the common case in a few C calls and leaves the rest
# to the full check.  The first definitions are copied here; for every validated field
# of every type, both must accept the same values and raise the same errors.

LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def slow_line(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        msg = f"{attribute.name} must be a str, not {type(value).__name__}"
        raise TypeError(msg)
    if not value or value != value.strip():
        msg = f"{attribute.name} must be non-empty with no leading or trailing space: {value!r}"
        raise ValueError(msg)
    if LINE_BREAK.search(value):
        msg = f"{attribute.name} must be a single line: {value!r}"
        raise ValueError(msg)
    if not unicodedata.is_normalized("NFC", value):
        msg = f"{attribute.name} must be in Unicode NFC form: {value!r}"
        raise ValueError(msg)


def slow_optional_line(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        slow_line(inst, attribute, value)


def slow_lines(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        msg = f"{attribute.name} must be a tuple, not {type(value).__name__}"
        raise TypeError(msg)
    for item in value:
        slow_line(inst, attribute, item)


def slow_tuple_of(kind: type) -> Validator:
    return attrs.validators.deep_iterable(
        member_validator=attrs.validators.instance_of(kind),
        iterable_validator=attrs.validators.instance_of(tuple),
    )


def slow_count(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"{attribute.name} must be an int, not {type(value).__name__}"
        raise TypeError(msg)
    if value < 0:
        msg = f"{attribute.name} must not be negative: {value}"
        raise ValueError(msg)


def slow_optional_count(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        slow_count(inst, attribute, value)


def slow_pairs(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        msg = f"{attribute.name} must be a tuple, not {type(value).__name__}"
        raise TypeError(msg)
    for pair in value:
        if not isinstance(pair, tuple) or len(pair) != 2:
            msg = f"{attribute.name} must hold (key, value) pairs: {pair!r}"
            raise ValueError(msg)
        slow_line(inst, attribute, pair[0])
        if pair[1] != "":
            slow_line(inst, attribute, pair[1])


def slow_plain_date(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    attrs.validators.optional(attrs.validators.instance_of(date))(inst, attribute, value)
    if isinstance(value, datetime):
        msg = f"{attribute.name} must be a date, not a datetime: {value!r}"
        raise TypeError(msg)


SLOW_VALIDATORS: dict[str, Validator] = {
    "_line": slow_line,
    "_optional_line": slow_optional_line,
    "_lines": slow_lines,
    "_count": slow_count,
    "_optional_count": slow_optional_count,
    "_pairs": slow_pairs,
    "_plain_date": slow_plain_date,
}
ELEMENT_TYPES = {
    "positions": Position,
    "mentions": Mention,
    "people": Person,
    "documents": Document,
    "events": Event,
    "warnings": ParseWarning,
}
MODEL_TYPES = (Article, Person, Position, Mention, Document, Event, ParseWarning)


def slow_validator(cls: type, field: attrs.Attribute[Any]) -> Validator | None:
    """The first definition of ``field``'s validator; None where it is attrs' own."""
    name = getattr(field.validator, "__qualname__", "")
    if name == "_tuple_of.<locals>.validate":
        return slow_tuple_of(ELEMENT_TYPES[field.name])
    if name in SLOW_VALIDATORS:
        return SLOW_VALIDATORS[name]
    assert name in {"", "_published"}, (cls, field.name)  # attrs' validators, or unchanged
    return None


FAST_FIELDS = [
    (cls, field, slow)
    for cls in MODEL_TYPES
    for field in attrs.fields(cls)
    if (slow := slow_validator(cls, field)) is not None
]


class Str(str):
    """A str subclass: the fast paths take exact types only."""

    __slots__ = ()


class Int(int):
    __slots__ = ()


# What can go wrong at either end of a line, or in it.
EDGES = st.sampled_from(["", "", "", " ", "\t", "\n", "\xa0", "\u0301", "\u200b", "\u2028", "é"])
LINE_TEXTS = st.one_of(
    st.builds(
        lambda before, core, after: before + core + after,
        EDGES,
        st.one_of(
            names(), st.text(max_size=4), st.builds("{}{}{}".format, names(), EDGES, names())
        ),
        EDGES,
    ),
    st.text(st.sampled_from(" \n\r\u2028\x85\xa0\t\u3000\u200b\x00eéỆ\u0301\u0323Ð\ud800")),
)
SCALARS = st.one_of(
    LINE_TEXTS,
    names(),
    st.none(),
    st.integers(-2, 3),
    st.booleans(),
    st.builds(Str, LINE_TEXTS),
    st.builds(Int, st.integers(-2, 3)),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(VIETNAM)),
    st.sampled_from(
        [
            Mention("lead", 0, 0, 1),
            Position("Bộ trưởng"),
            Person("Tô Lâm"),
            Document("Nghị quyết"),
            Event(),
            ParseWarning("x", "y"),
        ]
    ),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3).map(tuple),
    st.lists(st.lists(SCALARS, max_size=3).map(tuple), max_size=2).map(tuple),
    st.lists(SCALARS, max_size=2),
)


def outcome(validator: Validator, field: attrs.Attribute[Any], value: object) -> object:
    try:
        validator(None, field, value)
    except Exception as exc:  # noqa: BLE001 - any difference is the finding
        return (type(exc), str(exc), exc.args)
    return "accepted"


@pytest.mark.parametrize(
    ("field", "slow"),
    [(field, slow) for _, field, slow in FAST_FIELDS],
    ids=[f"{cls.__name__}.{field.name}" for cls, field, _ in FAST_FIELDS],
)
@given(value=VALUES)
def test_fast_validator_equals_the_first_definition(
    field: attrs.Attribute[Any], slow: Validator, value: object
) -> None:
    assert field.validator is not None
    assert outcome(field.validator, field, value) == outcome(slow, field, value)


def test_every_fast_validator_is_compared() -> None:
    assert {getattr(f.validator, "__qualname__", "") for _, f, _ in FAST_FIELDS} == {
        *SLOW_VALIDATORS,
        "_tuple_of.<locals>.validate",
    }
