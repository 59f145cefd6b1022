"""Real articles from ../shared/corpus: every one parses and no text is lost.

"No text lost" means: every word of the input appears in the Article, and
every text block of the Article appears in the input as a run of words, in
input order.  The only input words an Article may leave out are the layout
markers documented in ``vnnews._layout``: header keys, the dateline (kept as
``published``), the words "Nguồn", "Source" and "Theo" that introduce a
source, the second copy of a caption, and a header summary that repeats the
start of the body.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import vnnews

WORD = re.compile(r"\w+")
MARKER_WORDS = Counter({"Nguồn": 99, "nguồn": 99, "Source": 99, "Theo": 99, "theo": 99})
HEADER_KEYS = {"title", "source", "link", "published date", "author", "tags", "summary", "content"}
KEY_VALUE = re.compile(r"^([^\W\d_][\w ]{0,30}?)\s*:\s?(.*)$")
HASH = re.compile(r"^#\s*([\w ]{1,30}?)\s*=\s*(.*)$")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


def article_files(shared_dir: Path, folder: str) -> list[Path]:
    return sorted((shared_dir / "corpus" / folder).rglob("*.txt"))


def input_words(text: str, article: vnnews.Article) -> list[str]:
    """The input's words less the documented layout markers."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").split("\n")
    out: list[str] = []
    first = next((ln for ln in lines if words(ln)), "")
    m = KEY_VALUE.match(first)
    hash_header = bool(HASH.match(first))
    in_header = hash_header or bool(m and m[1].casefold() in HEADER_KEYS)
    previous = None
    lead = " ".join(words(article.lead or ""))
    content = next((ln for ln in lines if ln.startswith("Content:")), "")
    for raw in lines:
        line = raw.strip()
        if not words(line):
            continue
        if raw is first and not in_header and article.published is not None:
            continue  # the dateline, kept as published
        if in_header and (m := HASH.match(line)):
            if m[1] != "date":  # the date header is kept as published
                out.extend(words(m[2]))
            continue
        if in_header and not hash_header and (m := KEY_VALUE.match(line)):
            key, value = m[1].casefold(), m[2]
            if key == "content":
                in_header = False
                out.extend(words(value))
            elif key == "published date":
                pass  # kept as published
            elif (
                key == "summary"
                and lead.startswith(" ".join(words(value)))
                and lead in " ".join(words(content))
            ):
                pass  # the truncated copy of a sentence of the body, kept as lead
            else:
                out.extend(words(value))
            continue
        if in_header and not hash_header:
            out.extend(words(line))  # a header value continued on its own line
            continue
        in_header = False
        if line == previous:
            continue  # the second copy of a caption
        previous = line
        out.extend(words(line))
    return out


def article_words(article: vnnews.Article) -> list[str]:
    parts = [article.title, article.lead, *article.paragraphs, *article.captions]
    parts += [article.source, *article.authors, *article.credits, article.url, *article.tags]
    parts += [f"{key} {value}" for key, value in article.extra]
    return [w for part in parts if part for w in words(part)]


def lost_words(text: str, article: vnnews.Article) -> Counter[str]:
    return Counter(input_words(text, article)) - Counter(article_words(article)) - MARKER_WORDS


def assert_no_text_lost(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = vnnews.parse_file(path)
    want = input_words(text, article)
    lost = lost_words(text, article)
    assert not lost, f"{path.name}: words lost: {sorted(lost.elements())[:20]}"
    joined = " " + " ".join(want) + " "
    position = 0
    for block in [article.title, *article.paragraphs]:
        if not block:
            continue
        run = " " + " ".join(words(block)) + " "
        found = joined.find(run, position)
        if found < 0:
            found = joined.find(run)
            assert found >= 0, f"{path.name}: block not in input: {block[:80]!r}"
            pytest.fail(f"{path.name}: block out of input order: {block[:80]!r}")
        position = found + len(run) - 1


def test_every_unlabeled_article_parses_without_losing_text(shared_dir: Path) -> None:
    files = article_files(shared_dir, "unlabeled")
    assert len(files) >= 1000  # the corpus README promises 1 243
    for path in files:
        assert_no_text_lost(path)


def test_every_dev_article_parses_without_losing_text(shared_dir: Path) -> None:
    files = article_files(shared_dir, "dev")
    assert files
    for path in files:
        assert_no_text_lost(path)


def test_the_check_catches_a_lost_word(tmp_path: Path) -> None:
    """The no-text-lost check itself fails when a word is dropped."""
    path = tmp_path / "a.txt"
    path.write_text("Tiêu đề\n\nMở đầu.\n\nĐoạn văn thứ hai.\n", encoding="utf-8")
    article = vnnews.parse_file(path)
    assert not lost_words(path.read_text("utf-8"), article)
    shorter = vnnews.Article(title=article.title, lead=article.lead)
    assert lost_words(path.read_text("utf-8"), shorter) == Counter(["Đoạn", "văn", "thứ", "hai"])


def test_layout_fields_match_gold_on_dev(dev_scores: dict[str, Any]) -> None:
    """The scorer's published, title and source accuracy is 1.000 on the dev corpus."""
    result = dev_scores
    misses = [
        m for m in result["misses"] if ": published " in m or ": title " in m or ": source " in m
    ]
    assert misses == []
    assert result["published_acc"] == result["title_acc"] == result["source_acc"] == 1.0
