"""The package's data tables, read once through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["rows", "text"]


def text(name: str) -> str:
    """The whole of ``vnnews/data/NAME`` as text."""
    return resources.files("vnnews").joinpath("data", name).read_text(encoding="utf-8")


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a data table, without its header, comments and blank lines.

    ``.tsv`` files are split on tabs; other files give one-cell rows.
    """
    lines = [ln for ln in text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    if name.endswith(".tsv"):
        return tuple(tuple(cell.strip() for cell in ln.split("\t")) for ln in lines[1:])
    return tuple((ln.strip(),) for ln in lines)
