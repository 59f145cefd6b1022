"""JSON-LD, Parquet and pickle: every output format against the model."""

from __future__ import annotations

import io
import json
import pickle
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnnews
from vnnews._cli import main
from vnnews.strategies import articles, document_numbers

SCHEMA = "http://schema.org/"

# A minimal schema.org context, served locally: the tests never touch the network.
# (schema.org's own context maps its terms to http://schema.org/ with @vocab too.)
LOCAL_CONTEXT = {"@context": {"@vocab": SCHEMA, "schema": SCHEMA}}


def expand(node: dict[str, Any]) -> list[dict[str, Any]]:
    jsonld = pytest.importorskip("pyld.jsonld")

    def loader(url: str, options: object = None) -> dict[str, Any]:
        del options
        assert url.rstrip("/") in {"https://schema.org", "http://schema.org"}, url
        return {"contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}

    expanded: list[dict[str, Any]] = jsonld.expand(node, {"documentLoader": loader})
    return expanded


def values(node: dict[str, Any], term: str) -> list[Any]:
    return [item.get("@value", item) for item in node.get(SCHEMA + term, [])]


def test_jsonld_of_the_founding_article_expands_to_schema_org() -> None:
    article = vnnews.parse(vnnews.example_text())
    [node] = expand(vnnews.to_jsonld(article))
    assert node["@type"] == [SCHEMA + "NewsArticle"]
    assert values(node, "headline") == [article.title]
    assert values(node, "datePublished") == ["2018-06-12T08:55:00+07:00"]
    citations = node[SCHEMA + "citation"]
    assert [c["@type"] for c in citations] == [[SCHEMA + "Legislation"]] * len(article.documents)
    assert values(citations[0], "legislationIdentifier") == ["25-NQ/TW"]
    assert values(citations[0], "legislationDate") == ["2013-06-03"]


def test_jsonld_people_events_and_places() -> None:
    article = vnnews.Article(
        title="Tiêu đề",
        people=(
            vnnews.Person(
                "Tô Lâm",
                rank="Thượng tướng",
                positions=(vnnews.Position("Bộ trưởng Bộ Công an", "Bộ trưởng", "Bộ Công an"),),
                family="Tô",
                given="Lâm",
            ),
        ),
        events=(
            vnnews.Event(
                kind="hội nghị", location="trụ sở Bộ Công an", province="Hà Nội", chairs=("Tô Lâm",)
            ),
        ),
    )
    [node] = expand(vnnews.to_jsonld(article))
    [person] = node[SCHEMA + "mentions"]
    assert person["@type"] == [SCHEMA + "Person"]
    assert values(person, "name") == ["Tô Lâm"]
    assert values(person, "jobTitle") == ["Bộ trưởng Bộ Công an"]
    assert values(person, "honorificPrefix") == ["Thượng tướng"]
    assert values(person["http://schema.org/affiliation"][0], "name") == ["Bộ Công an"]
    [event] = node[SCHEMA + "about"]
    assert event["@type"] == [SCHEMA + "Event"]
    [place] = event[SCHEMA + "location"]
    assert place["@type"] == [SCHEMA + "Place"]
    assert values(place, "name") == ["trụ sở Bộ Công an"]
    assert values(place[SCHEMA + "address"][0], "addressRegion") == ["Hà Nội"]


@given(articles())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_jsonld_expands_with_one_node_per_value(article: vnnews.Article) -> None:
    [node] = expand(vnnews.to_jsonld(article))
    assert node["@type"] == [SCHEMA + "NewsArticle"]
    mentions = node.get(SCHEMA + "mentions", [])
    assert [values(m, "name") for m in mentions] == [[p.name] for p in article.people]
    assert all(m["@type"] == [SCHEMA + "Person"] for m in mentions)
    citations = node.get(SCHEMA + "citation", [])
    assert len(citations) == len(article.documents)
    assert all(c["@type"] == [SCHEMA + "Legislation"] for c in citations)
    events = node.get(SCHEMA + "about", [])
    assert len(events) == len(article.events)
    for event, value in zip(events, article.events, strict=True):
        assert event["@type"] == [SCHEMA + "Event"]
        if value.location or value.province:
            assert event[SCHEMA + "location"][0]["@type"] == [SCHEMA + "Place"]


def test_to_jsonld_takes_an_article() -> None:
    with pytest.raises(TypeError, match="takes an Article"):
        vnnews.to_jsonld({"title": "x"})  # type: ignore[arg-type]


# --- Parquet ------------------------------------------------------------------------


@given(batch=st.lists(articles(), max_size=4))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_parquet_round_trip(batch: list[vnnews.Article]) -> None:
    pytest.importorskip("pyarrow")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.parquet"
        assert vnnews.write_parquet(batch, path) == len(batch)
        assert list(vnnews.read_parquet(path)) == batch


def test_parquet_keeps_date_only_and_offset_datetimes_apart(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    batch = [
        vnnews.Article(published=date(2020, 9, 18)),
        vnnews.Article(published=datetime(2020, 9, 18, tzinfo=timezone(timedelta(hours=7)))),
        vnnews.Article(),
    ]
    vnnews.write_parquet(batch, tmp_path / "p.parquet")
    back = list(vnnews.read_parquet(tmp_path / "p.parquet"))
    assert back == batch
    assert type(back[0].published) is date


def test_parquet_file_has_the_documented_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    article = vnnews.parse(vnnews.example_text())
    vnnews.write_parquet([article] * 3, tmp_path / "a.parquet")
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.schema.equals(vnnews.arrow_schema(), check_metadata=False)
    assert table.num_rows == 3
    assert table.column("documents")[0][0]["number"].as_py() == "25-NQ/TW"


def test_read_parquet_reads_the_parts_of_a_directory_in_name_order(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    first, second = vnnews.Article(title="Một"), vnnews.Article(title="Hai")
    vnnews.write_parquet([second], tmp_path / "part-00001.parquet")
    vnnews.write_parquet([first], tmp_path / "part-00000.parquet")
    assert list(vnnews.read_parquet(tmp_path)) == [first, second]


def test_json_array_and_jsonl_round_trip_through_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    article = vnnews.parse(vnnews.example_text())
    assert main(["parse", "--example", "--format", "json"]) == 0
    assert [vnnews.from_dict(d) for d in json.loads(capsys.readouterr().out)] == [article]
    assert main(["parse", "--example"]) == 0
    assert list(vnnews.load_jsonl(io.StringIO(capsys.readouterr().out))) == [article]


# --- pickle ---------------------------------------------------------------------------


@given(articles())
def test_articles_pickle(article: vnnews.Article) -> None:
    assert pickle.loads(pickle.dumps(article)) == article  # noqa: S301 - our own bytes


@given(document_numbers())
def test_document_numbers_pickle(number: vnnews.DocumentNumber) -> None:
    assert pickle.loads(pickle.dumps(number)) == number  # noqa: S301 - our own bytes


@pytest.mark.parametrize(
    "error",
    [
        vnnews.VnnewsError("boom"),
        vnnews.ParseError("bad", line=3, column=4, source="a.txt"),
        vnnews.DecodeError("undecodable", line=1, column=2),
        vnnews.SchemaError("invalid Article", ("$.title: expected str",)),
    ],
)
def test_errors_pickle(error: vnnews.VnnewsError) -> None:
    back = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert vars(back) == vars(error)


def test_invalid_document_number_pickles() -> None:
    with pytest.raises(vnnews.InvalidDocumentNumber) as info:
        vnnews.DocumentNumber.parse("không phải số")
    back = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own bytes
    assert type(back) is vnnews.InvalidDocumentNumber
    assert str(back) == str(info.value)


def test_every_public_type_pickles() -> None:
    article = vnnews.parse(vnnews.example_text())
    values = [
        article,
        *article.documents,
        vnnews.Person("Tô Lâm", positions=(vnnews.Position("Bộ trưởng"),)),
        vnnews.Event(kind="hội nghị"),
        vnnews.Mention("title", 0, 0, 3),
        vnnews.ParseWarning("weekday-mismatch", "Thứ"),
        vnnews.DocumentNumber.parse("25-NQ/TW"),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own bytes
