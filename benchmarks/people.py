"""Time the founding article's parse with and without people, against a baseline scan.

    python benchmarks/people.py [--repeat N] [--number N] [--corpus DIR]

Reports, in one run, the time to parse the founding article with people
extraction and without it (the extractor replaced by one that finds nobody),
each divided by the time of one re.findall(r"\\w+", text) over the same text.
The three are timed in turn within each of ``--repeat`` rounds, so that a
busy machine slows all three alike; the figures are the medians over rounds
(and the best round for the ratio).  The issue's budget is a whole parse under
10x the scan.

With ``--corpus`` (default: ``../shared/corpus/unlabeled`` when it exists) it
also reports people extraction alone over every ``*.txt`` file below DIR,
divided by the scan over the same files: the blocks are built once, outside
the timing, and both are timed in turn within each round.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import vnnews
from vnnews import _parse
from vnnews._blocks import TextBlock, text_blocks
from vnnews._layout import read_layout
from vnnews._normalize import normalize_text
from vnnews._people import extract_people

WORD = re.compile(r"\w+")
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "unlabeled"


def per_call(number: int, func: Callable[[str], Any], text: str) -> float:
    """Seconds per call of ``func(text)``, over ``number`` calls."""
    start = time.perf_counter()
    for _ in range(number):
        func(text)
    return (time.perf_counter() - start) / number


def no_people(_blocks: Sequence[object]) -> tuple[()]:
    return ()


def blocks_of(text: str) -> tuple[TextBlock, ...]:
    """The extractors' input, as :func:`vnnews.parse` builds it."""
    layout = read_layout(normalize_text(text))
    return text_blocks(layout.title, layout.lead, layout.paragraphs, layout.captions)


def seconds(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def corpus(directory: Path, repeat: int) -> None:
    """People extraction alone over a corpus, divided by the scan over the same texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(directory.rglob("*.txt"))]
    articles = [blocks_of(text) for text in texts]
    scans, peoples = [], []
    for _ in range(repeat):
        scans.append(seconds(lambda: [WORD.findall(text) for text in texts]))
        peoples.append(seconds(lambda: [extract_people(blocks) for blocks in articles]))
    ratios = [p / s for p, s in zip(peoples, scans, strict=True)]
    people = sum(len(extract_people(blocks)) for blocks in articles)
    chars = sum(len(text) for text in texts)
    print(f"corpus {directory}: {len(texts)} articles, {chars} characters, {people} people")
    print(f"  \\w+ findall            {statistics.median(scans) * 1e3:8.1f} ms")
    print(f"  people extraction      {statistics.median(peoples) * 1e3:8.1f} ms")
    print(
        f"  people / findall, per round: median {statistics.median(ratios):5.2f}, "
        f"best {min(ratios):5.2f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--number", type=int, default=100)
    ap.add_argument("--corpus", type=Path, default=CORPUS if CORPUS.is_dir() else None)
    args = ap.parse_args()
    text = vnnews.example_text()
    real = _parse.extract_people
    blocks = blocks_of(text)
    scans, withs, withouts, alones = [], [], [], []
    for _ in range(args.repeat):
        scans.append(per_call(args.number, WORD.findall, text))
        alones.append(per_call(args.number, lambda _: extract_people(blocks), text))
        withs.append(per_call(args.number, vnnews.parse, text))
        _parse.extract_people = no_people  # type: ignore[assignment]
        try:
            withouts.append(per_call(args.number, vnnews.parse, text))
        finally:
            _parse.extract_people = real
    scan, with_people, without = (statistics.median(x) for x in (scans, withs, withouts))
    ratios = [w / s for w, s in zip(withs, scans, strict=True)]
    people = len(vnnews.parse(text).people)
    print(f"founding article: {len(text)} characters, {people} people, {args.repeat} rounds")
    print(f"  \\w+ findall            {scan * 1e6:8.1f} µs")
    print(f"  parse without people   {without * 1e6:8.1f} µs   ratio {without / scan:5.2f}")
    print(f"  parse with people      {with_people * 1e6:8.1f} µs   ratio {with_people / scan:5.2f}")
    print(f"  people alone           {(with_people - without) * 1e6:8.1f} µs")
    print(
        f"  parse with people / findall, per round: median {statistics.median(ratios):5.2f}, "
        f"best {min(ratios):5.2f}"
    )
    alone = [a / s for a, s in zip(alones, scans, strict=True)]
    print(
        f"  people extraction alone / findall, per round: median {statistics.median(alone):5.2f}, "
        f"best {min(alone):5.2f}"
    )
    if args.corpus is not None:
        corpus(args.corpus, max(1, args.repeat // 6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
