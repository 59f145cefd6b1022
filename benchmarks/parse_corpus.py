"""Time parsing the shared corpus against a baseline scan in the same run.

    python benchmarks/parse_corpus.py [CORPUS_DIR] [--repeat N]

CORPUS_DIR defaults to ../shared/corpus/unlabeled.  For each article the
script times vnnews.parse and, as the baseline, one re.findall(r"\\w+", text)
over the same text; machines here are noisy, so the ratio of the two is the
figure to compare between runs, not the seconds.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import vnnews

WORD = re.compile(r"\w+")


def best_of(repeat: int, func: object, texts: list[str]) -> float:
    """The fastest of ``repeat`` passes of ``func`` over all ``texts``, in seconds."""
    assert callable(func)  # noqa: S101
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "unlabeled"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=default)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    if not files:
        sys.stderr.write(f"no *.txt files under {args.corpus}\n")
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    size = sum(len(t.encode()) for t in texts)
    baseline = best_of(args.repeat, WORD.findall, texts)
    parsing = best_of(args.repeat, vnnews.parse, texts)
    example = [vnnews.example_text()] * 200
    ex_base = best_of(args.repeat, WORD.findall, example)
    ex_parse = best_of(args.repeat, vnnews.parse, example)
    print(f"corpus: {len(texts)} articles, {size / 1e6:.1f} MB, best of {args.repeat}")
    print(f"  parse         {parsing:8.3f} s  {parsing / len(texts) * 1e3:7.3f} ms/article")
    print(f"  \\w+ findall   {baseline:8.3f} s")
    print(f"  ratio parse / findall: {parsing / baseline:.1f}")
    print(f"founding article x{len(example)}:")
    print(f"  ratio parse / findall: {ex_parse / ex_base:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
