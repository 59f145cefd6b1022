"""Time the founding article's parse with and without people, against a baseline scan.

    python benchmarks/people.py [--repeat N] [--number N]

Reports, in one run, the best time to parse the founding article with people
extraction and without it (the extractor replaced by one that finds nobody),
each divided by the time of one re.findall(r"\\w+", text) over the same text.
Machines here are noisy: compare the ratios between runs, not the seconds.
The issue's budget is a whole parse under 10x the scan.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import vnnews
from vnnews import _parse

WORD = re.compile(r"\w+")


def best_of(repeat: int, number: int, func: Callable[[str], Any], text: str) -> float:
    """The fastest of ``repeat`` passes of ``number`` calls of ``func(text)``, per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func(text)
        best = min(best, time.perf_counter() - start)
    return best / number


def no_people(_blocks: Sequence[object]) -> tuple[()]:
    return ()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--number", type=int, default=200)
    args = ap.parse_args()
    text = vnnews.example_text()
    scan = best_of(args.repeat, args.number, WORD.findall, text)
    with_people = best_of(args.repeat, args.number, vnnews.parse, text)
    real = _parse.extract_people
    _parse.extract_people = no_people  # type: ignore[assignment]
    try:
        without = best_of(args.repeat, args.number, vnnews.parse, text)
    finally:
        _parse.extract_people = real
    people = len(vnnews.parse(text).people)
    print(f"founding article: {len(text)} characters, {people} people, best of {args.repeat}")
    print(f"  \\w+ findall            {scan * 1e6:8.1f} µs")
    print(f"  parse without people   {without * 1e6:8.1f} µs   ratio {without / scan:5.2f}")
    print(f"  parse with people      {with_people * 1e6:8.1f} µs   ratio {with_people / scan:5.2f}")
    print(f"  people alone           {(with_people - without) * 1e6:8.1f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
