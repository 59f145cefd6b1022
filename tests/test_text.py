"""to_text and parse are inverse on the layout fields; to_text reaches a fixed point."""

from __future__ import annotations

import attrs
from hypothesis import given

import vnnews
from vnnews.strategies import articles, layout_articles

LAYOUT_FIELDS = ("title", "published", "lead", "paragraphs", "captions", "source", "authors")


@given(layout_articles())
def test_parse_gives_back_the_rendered_article(article: vnnews.Article) -> None:
    # The people the text happens to name are extracted; the layout comes back as it was.
    again = attrs.evolve(vnnews.parse(vnnews.to_text(article)), people=())
    assert again == article
    # == compares instants; the offset as written must survive too.
    assert vnnews.to_dict(again) == vnnews.to_dict(article)


@given(layout_articles())
def test_bytes_of_the_rendered_text_parse_alike(article: vnnews.Article) -> None:
    text = vnnews.to_text(article)
    assert vnnews.parse(text.encode("utf-16")) == vnnews.parse(text)


@given(articles())
def test_to_text_reaches_a_fixed_point(article: vnnews.Article) -> None:
    """Any article's text is stable after one parse.

    Not always after none: an article whose lead repeats its first paragraph
    renders two equal lines in a row, which parse reads as a caption.
    """
    once = vnnews.to_text(article)
    twice = vnnews.to_text(vnnews.parse(once))
    assert vnnews.to_text(vnnews.parse(twice)) == twice


@given(articles())
def test_layout_fields_survive_any_article_text(article: vnnews.Article) -> None:
    """Whatever the article, its rendered text parses; its title and dateline come back."""
    again = vnnews.parse(vnnews.to_text(article))
    if article.published is not None:
        assert again.published == article.published
        if article.title is not None:
            assert again.title == article.title
