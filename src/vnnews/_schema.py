"""A JSON Schema of the JSON output, generated from the attrs types.

The schema follows the classes field by field, so it cannot drift from
them: a field's annotation gives its JSON type (``tuple[X, ...]`` an array,
``X | None`` a nullable value, a nested class a ``$ref``), and the
validators give what the annotation cannot say (lines are non-empty, counts
are not negative, ``Mention.block`` is one of the text blocks).  Dates and
times are the ISO 8601 strings :mod:`._serialize` writes.
"""

from __future__ import annotations

import datetime as _dt
import inspect
import types
from typing import Any, Union, get_args, get_origin

import attrs

from ._serialize import _TYPES

__all__ = ["json_schema"]

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TIME_OF_DAY = r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
_TIME = {"type": "string", "pattern": f"^{_TIME_OF_DAY}$"}
_MOMENT = {
    "type": "string",
    "format": "date-time",
    "pattern": rf"^\d{{4}}-\d{{2}}-\d{{2}}T{_TIME_OF_DAY}(Z|[+-]\d{{2}}:\d{{2}})$",
}
_PAIR = {
    "type": "array",
    "prefixItems": [{"type": "string", "minLength": 1}, {"type": "string"}],
    "minItems": 2,
    "maxItems": 2,
}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "type" in schema:  # the other keywords apply to their own type only
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _of(kind: Any, field: attrs.Attribute[Any] | None) -> dict[str, Any]:
    """The schema of one annotation; ``field`` adds what its validator checks."""
    args = get_args(kind)
    if get_origin(kind) in (Union, types.UnionType):
        present = [arg for arg in args if arg is not type(None)]
        if set(present) == {_dt.datetime, _dt.date}:  # Article.published
            moment = {"anyOf": [_DATE, _MOMENT, {"type": "null"}]}
            return moment if type(None) in args else {"anyOf": [_DATE, _MOMENT]}
        (inner,) = present
        return _nullable(_of(inner, field))
    if get_origin(kind) is tuple:
        if args == (tuple[str, str], ...):
            return {"type": "array", "items": _PAIR}
        return {"type": "array", "items": _of(args[0], field)}
    if attrs.has(kind):
        return {"$ref": f"#/$defs/{kind.__name__}"}
    if kind is str:
        options = getattr(field.validator, "options", None) if field else None
        if options is not None:
            return {"type": "string", "enum": list(options)}
        return {"type": "string", "minLength": 1}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer", "minimum": 0}
    if kind is _dt.date:
        return dict(_DATE)
    if kind is _dt.time:
        return dict(_TIME)
    msg = f"no JSON Schema for {kind!r}"
    raise TypeError(msg)


def _object(cls: type) -> dict[str, Any]:
    fields = attrs.fields(attrs.resolve_types(cls))
    return {
        "type": "object",
        "description": " ".join(inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0].split()),
        "properties": {field.name: _of(field.type, field) for field in fields},
        "required": [field.name for field in fields],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of an Article as :func:`to_dict` and the CLI write it.

    >>> schema = json_schema()
    >>> schema["$ref"], sorted(schema["$defs"])[:3]
    ('#/$defs/Article', ['Article', 'Document', 'Event'])
    >>> schema["$defs"]["Person"]["properties"]["rank"]
    {'type': ['string', 'null'], 'minLength': 1}
    """
    return {
        "$schema": SCHEMA_URI,
        "title": "vnnews Article",
        "description": "One Vietnamese news article as vnnews writes it in JSON and JSON Lines.",
        "$ref": "#/$defs/Article",
        "$defs": {cls.__name__: _object(cls) for cls in _TYPES},
    }
