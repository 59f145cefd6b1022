"""Time the founding article's parse with and without people, against a baseline scan.

    python benchmarks/people.py [--repeat N] [--number N]

Reports, in one run, the time to parse the founding article with people
extraction and without it (the extractor replaced by one that finds nobody),
each divided by the time of one re.findall(r"\\w+", text) over the same text.
The three are timed in turn within each of ``--repeat`` rounds, so that a
busy machine slows all three alike; the figures are the medians over rounds
(and the best round for the ratio).  The issue's budget is a whole parse under
10x the scan.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import vnnews
from vnnews import _parse

WORD = re.compile(r"\w+")


def per_call(number: int, func: Callable[[str], Any], text: str) -> float:
    """Seconds per call of ``func(text)``, over ``number`` calls."""
    start = time.perf_counter()
    for _ in range(number):
        func(text)
    return (time.perf_counter() - start) / number


def no_people(_blocks: Sequence[object]) -> tuple[()]:
    return ()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--number", type=int, default=100)
    args = ap.parse_args()
    text = vnnews.example_text()
    real = _parse.extract_people
    scans, withs, withouts = [], [], []
    for _ in range(args.repeat):
        scans.append(per_call(args.number, WORD.findall, text))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
