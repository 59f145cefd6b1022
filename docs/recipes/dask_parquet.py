"""A folder of articles to Parquet with a Dask bag: one Parquet file per partition.

Runs on any Dask scheduler: the local ones ("synchronous", "threads",
"processes") or a distributed cluster (pass its client's scheduler, or let
an active ``dask.distributed.Client`` take over).  Workers need vnnews and
pyarrow installed: ``pip install 'vnnews[dask]'``.
"""

from __future__ import annotations

from pathlib import Path

import dask
import dask.bag as db

import vnnews


def parse_or_report(path: str) -> list[vnnews.Article]:
    """The article of one file, or nothing (with a message) when it cannot be read."""
    try:
        return [vnnews.parse_file(path)]
    except vnnews.ParseError as exc:
        print(f"vnnews: error: {exc}")  # noqa: T201 - a recipe: replace with your logging
        return []


def folder_to_parquet(
    source: str | Path,
    target: str | Path,
    *,
    pattern: str = "*.txt",
    partition_size: int = 1000,
    scheduler: str | None = None,
) -> int:
    """Parse every file below ``source`` matching ``pattern`` into ``target/part-NNNNN.parquet``.

    Returns the number of articles written.  Files are taken in path order
    and parts are numbered in that order, so ``vnnews.read_parquet(target)``
    gives the articles in path order.
    """
    paths = sorted(str(path) for path in Path(source).rglob(pattern) if path.is_file())
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    if not paths:
        return 0
    articles = db.from_sequence(paths, partition_size=partition_size).map(parse_or_report).flatten()
    writes = [
        dask.delayed(vnnews.write_parquet)(part, str(target / f"part-{number:05}.parquet"))
        for number, part in enumerate(articles.to_delayed())
    ]
    return sum(dask.compute(*writes, scheduler=scheduler))
