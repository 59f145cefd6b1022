"""The extractors' input: the article's running text as numbered blocks.

Every extractor (people, documents, events) is a pure function of these
blocks and its data tables; it never sees the raw input or the layout stage.
A :class:`TextBlock` knows where it sits in the Article, so a match inside it
becomes a :class:`~vnnews.Mention` that points back to the exact characters.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._model import Mention

__all__ = ["TextBlock", "text_blocks"]


@attrs.frozen
class TextBlock:
    """One block of running text: ``title``, ``lead``, a paragraph or a caption."""

    block: str
    index: int
    text: str

    def mention(self, start: int, end: int) -> Mention:
        """The Mention of ``text[start:end]``."""
        return Mention(self.block, self.index, start, end)


def text_blocks(
    title: str | None, lead: str | None, paragraphs: Sequence[str], captions: Sequence[str]
) -> tuple[TextBlock, ...]:
    """The article's blocks in reading order: title, lead, paragraphs, then captions."""
    out = [TextBlock("title", 0, title)] if title else []
    if lead:
        out.append(TextBlock("lead", 0, lead))
    out.extend(TextBlock("paragraphs", i, text) for i, text in enumerate(paragraphs))
    out.extend(TextBlock("captions", i, text) for i, text in enumerate(captions))
    return tuple(out)
