"""Rendering an Article as raw text in the founding example's layout.

The layout, block by block, each followed by a blank line::

    Thứ Ba, 12/06/2018, 08:55 [GMT+7]     dateline (when published is known)
    Title                                  title
    Lead.                                  lead
    Paragraph.                             each paragraph
    Caption.                               each caption, printed twice on
    Caption.                               consecutive lines, as the site does
    Phương Thảo, Khánh An (Tổng hợp)       authors and credits
    Nguồn: Bộ Công an                      source

:func:`vnnews.parse` reads this layout back.  People, documents, events,
URL, tags and extra header fields are not part of it.
"""

from __future__ import annotations

from ._dates import format_dateline
from ._model import Article

__all__ = ["to_text"]


def to_text(article: Article, /) -> str:
    """Render ``article`` as canonical raw text (see the module docs for the layout).

    >>> import vnnews
    >>> print(vnnews.to_text(vnnews.Article(title="Tiêu đề", source="TTXVN")), end="")
    Tiêu đề
    <BLANKLINE>
    Nguồn: TTXVN
    <BLANKLINE>
    """
    if not isinstance(article, Article):
        msg = f"to_text takes an Article, not {type(article).__name__}"
        raise TypeError(msg)
    blocks: list[str] = []
    if article.published is not None:
        blocks.append(format_dateline(article.published))
    blocks.extend(p for p in (article.title, article.lead) if p is not None)
    blocks.extend(article.paragraphs)
    blocks.extend(f"{caption}\n{caption}" for caption in article.captions)
    byline = ", ".join(article.authors)
    notes = " ".join(f"({credit})" for credit in article.credits)
    if byline or notes:
        blocks.append(f"{byline} {notes}".strip())
    if article.source is not None:
        blocks.append(f"Nguồn: {article.source}")
    return "".join(f"{block}\n\n" for block in blocks)
