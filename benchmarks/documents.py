"""Time document extraction against a baseline scan, on the founding article and a corpus.

    python benchmarks/documents.py [--repeat N] [--number N] [--corpus DIR]

Reports, in one run, the time of ``extract_documents(blocks)`` divided by the
time of one re.findall(r"\\w+", text) over the same text: for the founding
article (``--number`` calls per round, ``--repeat`` rounds, the best round) and
for every article of the corpus (``../shared/corpus/unlabeled`` by default: all
articles in turn per round, the best round; the ratio of the totals and the
mean of the per-article ratios).  Blocks are built once, outside the timing,
as :mod:`vnnews._parse` builds them.  The scan and the extraction are timed in
turn within each round, so that a busy machine slows both alike.  The budget
is about 2x the scan.
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
from vnnews._blocks import TextBlock, text_blocks
from vnnews._documents import extract_documents
from vnnews._layout import read_layout
from vnnews._normalize import decode, normalize_text

WORD = re.compile(r"\w+")
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "unlabeled"


def blocks_of(text: str) -> Sequence[TextBlock]:
    layout = read_layout(normalize_text(text))
    return text_blocks(layout.title, layout.lead, layout.paragraphs, layout.captions)


def timed(number: int, func: Callable[[Any], Any], arg: object) -> float:
    """Seconds per call of ``func(arg)``, over ``number`` calls."""
    start = time.perf_counter()
    for _ in range(number):
        func(arg)
    return (time.perf_counter() - start) / number


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()

    text = vnnews.example_text()
    blocks = blocks_of(text)
    ratios = []
    for _ in range(args.repeat):
        scan = timed(args.number, WORD.findall, text)
        docs = timed(args.number, extract_documents, blocks)
        ratios.append((docs / scan, scan, docs))
    best = min(ratios)
    found = len(extract_documents(blocks))
    print(f"founding article: {len(text)} characters, {found} documents, {args.repeat} rounds")
    print(f"  \\w+ findall        {best[1] * 1e6:8.1f} µs")
    print(f"  extract_documents  {best[2] * 1e6:8.1f} µs")
    print(f"  ratio: best {best[0]:5.2f}, median {statistics.median(r[0] for r in ratios):5.2f}")

    paths = sorted(args.corpus.rglob("*.txt"))
    texts = [normalize_text(decode(p.read_bytes(), None)) for p in paths]
    corpus = [(t, blocks_of(t)) for t in texts]
    scans = [float("inf")] * len(corpus)
    extracts = [float("inf")] * len(corpus)
    for _ in range(args.repeat):
        for i, (t, b) in enumerate(corpus):
            scans[i] = min(scans[i], timed(3, WORD.findall, t))
            extracts[i] = min(extracts[i], timed(3, extract_documents, b))
    found = sum(len(extract_documents(b)) for _t, b in corpus)
    size = sum(len(t) for t in texts)
    print(f"corpus {args.corpus}: {len(corpus)} articles, {size} characters, {found} documents")
    print(f"  \\w+ findall        {sum(scans) * 1e3:8.1f} ms")
    print(f"  extract_documents  {sum(extracts) * 1e3:8.1f} ms")
    per_article = [e / s for e, s in zip(extracts, scans, strict=True)]
    print(
        f"  ratio: totals {sum(extracts) / sum(scans):5.2f}, "
        f"mean per article {statistics.mean(per_article):5.2f}, "
        f"median {statistics.median(per_article):5.2f}, max {max(per_article):5.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
