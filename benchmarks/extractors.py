"""Time event extraction against a baseline scan, on the founding article and a corpus.

    python benchmarks/extractors.py [--corpus DIR] [--repeat N] [--number N] [--rounds N]

Text blocks are built once per article, outside the timing, as the parse builds
them; then ``extract_events(blocks, published, people)`` is timed against one
``re.findall(r"\\w+", text)`` over the same text.  Founding article: ``--repeat``
rounds of ``--number`` calls each, the two timed in turn within a round so that a
busy machine slows both alike; the ratio is the best round's.  Corpus (every
``*.txt`` under ``--corpus``): ``--rounds`` passes over all articles, each article
timed (best pass) against its own scan; the figures are the whole corpus's time
ratio and the mean of the per-article ratios.  With ``--parse`` the whole parse
is timed too.  Garbage collection is off while timing, as in timeit.  Only
ratios measured in the same run compare.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import vnnews
from vnnews._blocks import TextBlock, text_blocks
from vnnews._events import extract_events
from vnnews._layout import read_layout
from vnnews._normalize import decode, normalize_text
from vnnews._people import extract_people

if TYPE_CHECKING:
    from vnnews._model import Person

WORD = re.compile(r"\w+")
HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "unlabeled"


class Prepared:
    """One article's text and what extract_events takes, built once."""

    def __init__(self, text: str) -> None:
        self.text = text
        layout = read_layout(normalize_text(text))
        self.blocks: tuple[TextBlock, ...] = tuple(
            text_blocks(layout.title, layout.lead, layout.paragraphs, layout.captions)
        )
        self.published: date | datetime | None = layout.published
        self.people: tuple[Person, ...] = tuple(extract_people(self.blocks))

    def events(self) -> Any:
        return extract_events(self.blocks, self.published, self.people)

    def scan(self) -> Any:
        return WORD.findall(self.text)

    def parse(self) -> Any:
        return vnnews.parse(self.text)


def per_call(number: int, func: Callable[[], Any]) -> float:
    """Seconds per call of ``func()``, over ``number`` calls (call with collection off)."""
    start = time.perf_counter()
    for _ in range(number):
        func()
    return (time.perf_counter() - start) / number


def founding(args: argparse.Namespace) -> None:
    art = Prepared(vnnews.example_text())
    rounds: list[tuple[float, ...]] = []
    for _ in range(args.repeat):
        gc.collect()
        row = [per_call(args.number, art.scan), per_call(args.number, art.events)]
        if args.parse:
            row.append(per_call(max(1, args.number // 10), art.parse))
        rounds.append(tuple(row))
    scan = min(r[0] for r in rounds)
    print(f"founding article: {len(art.text)} characters, {len(art.events())} events")
    print(f"  \\w+ findall   best {scan * 1e6:9.1f} µs")
    names = ["events", "parse"] if args.parse else ["events"]
    for i, name in enumerate(names, start=1):
        best = min(r[i] for r in rounds)
        per_round = [r[i] / r[0] for r in rounds]
        print(
            f"  {name:12s}  best {best * 1e6:9.1f} µs   ratio best/best {best / scan:6.2f}"
            f"   per round: best {min(per_round):6.2f}, median {statistics.median(per_round):6.2f}"
        )


def corpus(args: argparse.Namespace) -> None:
    files = sorted(Path(args.corpus).rglob("*.txt"))
    if not files:
        return
    arts = [Prepared(decode(f.read_bytes(), None)) for f in files]
    kinds = ["scan", "events", "parse"] if args.parse else ["scan", "events"]
    best = {k: [float("inf")] * len(arts) for k in kinds}
    for _ in range(args.rounds):
        gc.collect()
        for i, art in enumerate(arts):
            for k in kinds:
                t = per_call(1, getattr(art, k))
                best[k][i] = min(best[k][i], t)
    scan = sum(best["scan"])
    print(f"corpus {args.corpus}: {len(arts)} articles, best of {args.rounds} passes")
    print(f"  \\w+ findall   total {scan * 1e3:9.1f} ms")
    for k in kinds[1:]:
        total = sum(best[k])
        mean = statistics.mean(t / s for t, s in zip(best[k], best["scan"], strict=True))
        print(
            f"  {k:12s}  total {total * 1e3:9.1f} ms   ratio total/total {total / scan:6.2f}"
            f"   mean per article {mean:6.2f}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--number", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--parse", action="store_true", help="time the whole parse too")
    args = ap.parse_args()
    gc.disable()
    founding(args)
    corpus(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
