"""Articles as Apache Parquet: one row per article, people, documents and events nested.

pyarrow is an optional extra (``pip install vnnews[parquet]``), imported only
when a file is written or read; :func:`to_row` and :func:`from_row` need no
pyarrow, so worker processes can build rows without it.

The Arrow schema (:func:`arrow_schema`) follows the JSON form of an
Article field by field, with these choices:

* ``published`` is a string, the ISO 8601 text of the JSON form:
  ``YYYY-MM-DD`` for a date alone, ``YYYY-MM-DDTHH:MM:SS+07:00`` for a
  time with its offset.  No Arrow type holds both without loss (a timestamp
  column has one time zone, and would turn a date into midnight), and the
  string round-trips exactly;
* ``Document.issued`` and ``Event.date`` are ``date32``, ``Event.time`` is
  ``time64[us]``: plain dates and clock times, as in the model;
* tuples are lists, ``extra`` a list of ``{key, value}`` structs, counts and
  offsets ``int64``; absent values are nulls.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ._serialize import from_dict, to_dict

if TYPE_CHECKING:
    from ._model import Article

__all__ = ["arrow_schema", "read_parquet", "write_parquet"]

#: Rows per row group: large enough for good compression, small enough that
#: writing millions of articles holds only this many rows in memory.
ROW_GROUP: Final = 1024

_INSTALL_HINT: Final = "Parquet needs pyarrow: pip install 'vnnews[parquet]'"


def _pyarrow() -> tuple[Any, Any]:
    """Import pyarrow and pyarrow.parquet, or say how to install them."""
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra, imported when needed
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError as exc:
        raise ImportError(_INSTALL_HINT) from exc
    return pa, pq


@functools.cache
def arrow_schema() -> Any:
    """The Arrow schema of vnnews Parquet files (one row per article).

    >>> import vnnews
    >>> schema = vnnews.arrow_schema()
    >>> schema.field("published").type, schema.field("events").type.value_type.field("date").type
    (DataType(string), DataType(date32[day]))
    """
    pa, _ = _pyarrow()
    text, count = pa.string(), pa.int64()
    texts = pa.list_(pa.field("element", text, nullable=False))

    def required(name: str, kind: Any) -> Any:
        return pa.field(name, kind, nullable=False)

    def items(kind: Any) -> Any:
        return pa.list_(pa.field("element", kind, nullable=False))

    mention = pa.struct(
        [required(name, text if name == "block" else count) for name in _MENTION_FIELDS]
    )
    position = pa.struct(
        [
            required("title", text),
            pa.field("role", text),
            pa.field("organisation", text),
            required("former", pa.bool_()),
        ]
    )
    person = pa.struct(
        [
            required("name", text),
            pa.field("honorific", text),
            pa.field("rank", text),
            required("positions", items(position)),
            pa.field("family", text),
            pa.field("middle", text),
            pa.field("given", text),
            required("mentions", items(mention)),
        ]
    )
    document = pa.struct(
        [
            required("kind", text),
            pa.field("number", text),
            pa.field("issued", pa.date32()),
            pa.field("issuer", text),
            pa.field("subject", text),
            pa.field("term", count),
            required("provisions", texts),
            pa.field("as_written", text),
            required("mentions", items(mention)),
        ]
    )
    event = pa.struct(
        [
            pa.field("kind", text),
            pa.field("date", pa.date32()),
            pa.field("part_of_day", text),
            pa.field("time", pa.time64("us")),
            pa.field("location", text),
            pa.field("province", text),
            required("chairs", texts),
            required("participants", texts),
            required("mentions", items(mention)),
        ]
    )
    warning = pa.struct(
        [required("code", text), required("message", text), pa.field("line", count)]
    )
    pair = pa.struct([required("key", text), required("value", text)])
    return pa.schema(
        [
            pa.field("title", text),
            pa.field("published", text),
            pa.field("lead", text),
            required("paragraphs", texts),
            required("captions", texts),
            pa.field("source", text),
            required("authors", texts),
            required("credits", texts),
            pa.field("url", text),
            required("tags", texts),
            required("extra", items(pair)),
            required("people", items(person)),
            required("documents", items(document)),
            required("events", items(event)),
            required("warnings", items(warning)),
        ],
        metadata={"vnnews.schema": "1"},
    )


_MENTION_FIELDS: Final = ("block", "index", "start", "end")


def to_row(article: Article, /) -> dict[str, Any]:
    """The article as one row of :func:`arrow_schema`: plain Python values (no pyarrow)."""
    row = to_dict(article)
    row["extra"] = [{"key": key, "value": value} for key, value in row["extra"]]
    for document, value in zip(row["documents"], article.documents, strict=True):
        document["issued"] = value.issued
    for event, happening in zip(row["events"], article.events, strict=True):
        event["date"] = happening.date
        event["time"] = happening.time
    return row


def _iso(value: date | time | None) -> str | None:
    return None if value is None else value.isoformat()


def from_row(row: dict[str, Any], /) -> Article:
    """The Article of a row read from a vnnews Parquet file; checked as :func:`from_dict` does."""
    data = dict(row)
    data["extra"] = [[pair["key"], pair["value"]] for pair in data["extra"]]
    data["documents"] = [{**doc, "issued": _iso(doc["issued"])} for doc in data["documents"]]
    data["events"] = [
        {**event, "date": _iso(event["date"]), "time": _iso(event["time"])}
        for event in data["events"]
    ]
    return from_dict(data)


class RowWriter:
    """Writes rows to a Parquet file, :data:`ROW_GROUP` rows per row group."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        pa, pq = _pyarrow()
        self._pa = pa
        self._schema = arrow_schema()
        self._file = pq.ParquetWriter(os.fspath(path), self._schema)
        self._rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        """Buffer one row; write a row group when the buffer is full."""
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= ROW_GROUP:
            self._write()

    def _write(self) -> None:
        if self._rows:
            batch = self._pa.RecordBatch.from_pylist(self._rows, schema=self._schema)
            self._file.write_batch(batch)
            self._rows = []

    def close(self) -> None:
        """Write the last rows and the file footer."""
        try:
            self._write()
        finally:
            self._file.close()


def write_parquet(articles: Iterable[Article], path: str | os.PathLike[str], /) -> int:
    """Write ``articles`` to the Parquet file ``path``, one row each; return how many.

    The file has the schema of :func:`arrow_schema`; articles are streamed,
    :data:`ROW_GROUP` rows at a time.  Needs ``pip install vnnews[parquet]``.
    """
    writer = RowWriter(path)
    try:
        for article in articles:
            writer.add(to_row(article))
    finally:
        writer.close()
    return writer.count


def _parquet_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.parquet") if p.is_file())
    return [path]


def read_parquet(path: str | os.PathLike[str], /) -> Iterator[Article]:
    """Read the Articles of a Parquet file, or of every ``*.parquet`` file below a directory.

    Files in a directory (the parts written by Dask or Spark) are read in
    name order, rows in file order, a row group at a time.  Each row is
    checked as :func:`vnnews.from_dict` checks its input and a bad one raises
    :class:`vnnews.SchemaError`.  Needs ``pip install vnnews[parquet]``.
    """
    _, pq = _pyarrow()
    for file in _parquet_files(Path(path)):
        with pq.ParquetFile(file) as parquet:
            for batch in parquet.iter_batches(batch_size=ROW_GROUP):
                for row in batch.to_pylist():
                    yield from_row(row)
