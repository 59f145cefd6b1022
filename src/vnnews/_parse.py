"""The pipeline: text in, :class:`Article` out.

Stages run one way: :mod:`._normalize` (bytes to one NFC text), :mod:`._layout`
(blocks: title, dateline, lead, paragraphs, captions, source, bylines), then the
extractors, then the Article.  No stage calls back into an earlier one.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from ._blocks import text_blocks
from ._data import text as _data_text
from ._documents import extract_documents
from ._encodings import decode_bytes
from ._errors import ParseError
from ._events import extract_events
from ._layout import read_layout
from ._model import Article
from ._normalize import normalize_text
from ._people import extract_people

__all__ = ["example_text", "parse", "parse_file"]

#: Above this many characters, :func:`parse` pauses the cyclic garbage collector.
BIG_INPUT: Final = 1_000_000


@contextmanager
def _gc_paused(size: int) -> Iterator[None]:
    """Pause the cyclic garbage collector while a big input is parsed.

    A 10 MB input makes millions of objects that live until the Article is
    built; each full collection walks all of them again, which made parse
    time grow about 1.5 times faster than the input.  Parsing creates no
    garbage that needs the collector, and reference counting still frees
    everything else.  Ordinary articles, far below ``BIG_INPUT``, leave the
    collector alone; a collector that was off stays off.
    """
    if size <= BIG_INPUT or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse(text: str | bytes, /, *, encoding: str | None = None) -> Article:
    r"""Parse one article's raw text (``str``, or ``bytes`` in any encoding below).

    >>> article = parse("Thứ Ba, 12/06/2018, 08:55 [GMT+7]\n\nTiêu đề\n\nMở đầu.")
    >>> article.title, article.lead, str(article.published)
    ('Tiêu đề', 'Mở đầu.', '2018-06-12 08:55:00+07:00')

    Bytes are decoded by ``encoding`` (a Python codec, ``"tcvn3"`` or
    ``"vni"``) or, without it, by detection: byte-order marks, UTF-16/32
    without a mark, UTF-8, then Windows-1258, TCVN3 or VNI when one clearly
    reads as Vietnamese.  Raises :class:`~vnnews.DecodeError` for bytes that
    are not text in any of them (or that hold a NUL character), and
    :class:`~vnnews.ParseError` (both are ``ValueError``) for a ``str`` with a
    lone surrogate; any other text, even empty, gives an Article.  An argument
    of another type is a programming error: :class:`TypeError`.
    """
    if isinstance(text, bytes | bytearray | memoryview):
        # _encodings is not compiled: its own check of ``encoding`` gives our TypeError.
        text = decode_bytes(bytes(text), encoding).text
    elif not isinstance(text, str):
        msg = f"parse takes str or bytes, not {type(text).__name__}"
        raise TypeError(msg)
    with _gc_paused(len(text)):
        return _parse_text(text)


def _parse_text(text: str) -> Article:
    layout = read_layout(normalize_text(text))
    blocks = text_blocks(layout.title, layout.lead, layout.paragraphs, layout.captions)
    people = extract_people(blocks)
    return Article(
        title=layout.title,
        published=layout.published,
        lead=layout.lead,
        paragraphs=tuple(layout.paragraphs),
        captions=tuple(layout.captions),
        source=layout.source,
        authors=tuple(layout.authors),
        credits=tuple(layout.credits),
        url=layout.url,
        tags=tuple(layout.tags),
        extra=tuple(layout.extra),
        people=people,
        documents=extract_documents(blocks),
        events=extract_events(blocks, layout.published, people),
        warnings=tuple(layout.warnings),
    )


def parse_file(path: str | os.PathLike[str], /, *, encoding: str | None = None) -> Article:
    """Read and parse one article file; errors name the file.

    Raises :class:`~vnnews.ParseError` for a file that cannot be read or decoded.
    """
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}", source=name) from None
    try:
        return parse(data, encoding=encoding)
    except ParseError as exc:
        raise exc.with_source(name) from None


def example_text() -> str:
    """The founding article (bocongan.gov.vn, 12 June 2018), as shipped in the package."""
    return _data_text("example.txt")
