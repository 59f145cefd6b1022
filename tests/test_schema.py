"""The JSON Schema of the output: generated from the types, committed, and true of the output."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import vnnews
from vnnews import strategies

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "reference" / "article.schema.json"


def validator() -> Any:
    schema = vnnews.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


VALIDATOR = validator()


def errors(data: object) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(data)]


def test_committed_schema_is_the_generated_one() -> None:
    spec = importlib.util.spec_from_file_location(
        "json_schema", ROOT / "docs/scripts/json_schema.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert COMMITTED.read_text(encoding="utf-8") == script.render(), (
        "docs/reference/article.schema.json is stale: run python docs/scripts/json_schema.py"
    )


def test_every_dev_article_is_valid(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "corpus" / "dev").glob("*.txt"))
    assert len(paths) == len(list((shared_dir / "corpus" / "dev").glob("*.gold.json"))) > 0
    for path in paths:
        line = vnnews.to_json(vnnews.parse_file(path))
        assert errors(json.loads(line)) == [], path.name


def test_the_example_is_valid_and_each_kind_of_damage_is_not() -> None:
    data = vnnews.to_dict(vnnews.parse(vnnews.example_text()))
    assert errors(data) == []
    person = data["people"][1]
    damaged = [
        data | {"published": "2018-06-12T08:55:00"},  # no offset
        data | {"published": "12/06/2018"},
        data | {"title": ""},
        data | {"tags": "a tag"},
        data | {"extra": [["key"]]},
        data | {"unknown": 1},
        {key: value for key, value in data.items() if key != "warnings"},
        data | {"people": [person | {"rank": 5}]},
        data | {"people": [person | {"positions": [{"title": "Bộ trưởng"}]}]},
        data | {"documents": [data["documents"][0] | {"issued": "2013-06-31"}]},
        data | {"events": [data["events"][0] | {"time": "chiều"}]},
        data | {"events": [data["events"][0] | {"mentions": [{"block": "body"}]}]},
        data | {"warnings": [{"code": "x", "message": "y", "line": -1}]},
    ]
    for bad in damaged:
        assert errors(bad), bad


@given(strategies.articles())
def test_every_article_the_strategies_draw_is_valid(article: vnnews.Article) -> None:
    assert errors(json.loads(vnnews.to_json(article))) == []
