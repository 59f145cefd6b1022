"""vnnews: Vietnamese news articles as typed, immutable records.

>>> import vnnews
>>> article = vnnews.parse(vnnews.example_text())
>>> article.title
'Nâng cao hiệu quả công tác dân vận trong lực lượng CAND trong tình hình mới'
>>> article.published.isoformat()
'2018-06-12T08:55:00+07:00'
>>> article.source
'Bộ Công an'
"""

from __future__ import annotations

from ._docnumber import DocumentNumber, InvalidDocumentNumber
from ._errors import DecodeError, ParseError, SchemaError, VnnewsError
from ._jsonld import to_jsonld
from ._model import Article, Document, Event, Mention, ParseWarning, Person, Position
from ._parquet import arrow_schema, read_parquet, write_parquet
from ._parse import example_text, parse, parse_file
from ._schema import json_schema
from ._serialize import dump_jsonl, from_dict, from_json, load_jsonl, to_dict, to_json
from ._text import to_text

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DecodeError",
    "Document",
    "DocumentNumber",
    "Event",
    "InvalidDocumentNumber",
    "Mention",
    "ParseError",
    "ParseWarning",
    "Person",
    "Position",
    "SchemaError",
    "VnnewsError",
    "__version__",
    "arrow_schema",
    "dump_jsonl",
    "example_text",
    "from_dict",
    "from_json",
    "json_schema",
    "load_jsonl",
    "parse",
    "parse_file",
    "read_parquet",
    "to_dict",
    "to_json",
    "to_jsonld",
    "to_text",
    "write_parquet",
]
