"""to_text and parse are inverse on the layout fields; to_text reaches a fixed point."""

from __future__ import annotations

import attrs
from hypothesis import given

import vnnews
from vnnews.strategies import articles, layout_articles

LAYOUT_FIELDS = ("title", "published", "lead", "paragraphs", "captions", "source", "authors")


def layout_of(article: vnnews.Article) -> vnnews.Article:
    """The article less what the extractors find in its text (generated text may name events)."""
    return attrs.evolve(article, people=(), documents=(), events=())


@given(layout_articles())
def test_parse_gives_back_the_rendered_article(article: vnnews.Article) -> None:
    again = layout_of(vnnews.parse(vnnews.to_text(article)))
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

    Not always after none: a last paragraph that reads as a byline ("Phương
    Thảo") is read as one.
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


def test_equal_blocks_apart_are_no_caption() -> None:
    """A caption is printed twice on consecutive lines; the lead repeated after a blank line is not.

    Found by test_to_text_reaches_a_fixed_point: the lead and a first paragraph that
    repeats it were read as a caption, so the text changed again on the second parse.
    """
    lead = "Đại tướng Nguyễn Mai tổ chức công tác dân vận."
    caption = "Lực lượng Công an nhân dân tổ chức công tác dân vận."
    article = vnnews.Article(lead=lead, paragraphs=(lead,), captions=(caption,))
    assert layout_of(vnnews.parse(vnnews.to_text(article))) == article
    assert vnnews.parse(f"{caption}\n{caption}\n{caption}\n\nHết.").captions == (caption,)
