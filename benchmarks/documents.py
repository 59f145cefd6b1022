"""Time document extraction against a baseline scan, on the founding article and a corpus.

    python benchmarks/documents.py [--repeat N] [--number N] [--corpus DIR]

Reports, in one run, the time of ``extract_documents(blocks)`` divided by the
time of one re.findall(r"\\w+", text) over the same text: for the founding
article (``--number`` calls per round, ``--repeat`` rounds: the ratio of the
best round's times, and the median of the rounds' ratios) and for every
article of the corpus (``../shared/corpus/unlabeled`` by default: each
article's best of ``--repeat`` rounds; the ratio of the totals and the mean of
the per-article ratios).  Blocks are built once, outside the timing, as
:mod:`vnnews._parse` builds them.  The scan and the extraction are called in
turn, call by call, so that a busy machine slows both alike.  The budget is
about 2x the scan.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

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


def interleaved(number: int, text: str, blocks: Sequence[TextBlock]) -> tuple[float, float]:
    """Seconds per call of the scan and of the extraction, called in turn ``number`` times.

    Alternating call by call, both see the same load on a busy machine.
    """
    clock = time.perf_counter
    findall = WORD.findall
    scan = docs = 0.0
    for _ in range(number):
        t0 = clock()
        findall(text)
        t1 = clock()
        extract_documents(blocks)
        t2 = clock()
        scan += t1 - t0
        docs += t2 - t1
    return scan / number, docs / number


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()

    text = vnnews.example_text()
    blocks = blocks_of(text)
    rounds = [interleaved(args.number, text, blocks) for _ in range(args.repeat)]
    scan = min(r[0] for r in rounds)
    docs = min(r[1] for r in rounds)
    found = len(extract_documents(blocks))
    print(f"founding article: {len(text)} characters, {found} documents, {args.repeat} rounds")
    print(f"  \\w+ findall        {scan * 1e6:8.1f} µs  (best round)")
    print(f"  extract_documents  {docs * 1e6:8.1f} µs  (best round)")
    median = statistics.median(d / s for s, d in rounds)
    print(f"  ratio: of best times {docs / scan:5.2f}, median per round {median:5.2f}")

    paths = sorted(args.corpus.rglob("*.txt"))
    corpus = [(t, blocks_of(t)) for t in (normalize_text(decode(p.read_bytes())) for p in paths)]
    scans = [float("inf")] * len(corpus)
    extracts = [float("inf")] * len(corpus)
    for _ in range(args.repeat):
        for i, (t, b) in enumerate(corpus):
            scan, docs = interleaved(3, t, b)
            scans[i] = min(scans[i], scan)
            extracts[i] = min(extracts[i], docs)
    found = sum(len(extract_documents(b)) for _t, b in corpus)
    size = sum(len(t) for t, _b in corpus)
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
