"""How vnnews scales: parse cost, CLI throughput, memory over a long stream, output cost.

    python benchmarks/scale.py [--corpus DIR] [--quick] [--repeat N]

Reports, in one run:

(a) parse time per article for the founding article and for the corpus, each
    divided by the time of one ``re.findall(r"\\w+", text)`` over the same text
    (the goal is 10 or less);
(b) ``vnnews parse`` throughput in articles per second with ``--jobs 1`` and
    ``--jobs 2`` over the corpus, and their ratio (the goal is 1.7 or more):
    the two alternate for ``--repeat`` rounds and the best run of each counts;
(c) the peak resident memory of the command (its own process, and the sum
    over it and its workers) while it streams 10 000 and 100 000 articles, the
    corpus repeated through symbolic links, to ``/dev/null`` (it should not grow);
(d) serialization cost per article (JSON, JSON Lines, Parquet) as a fraction
    of parse cost.

``--quick`` streams 2 000 and 20 000 articles in (c) and times one pass each;
``--only bc`` runs only the parts named.
The machines here are noisy: compare the ratios between runs, not the seconds.
CORPUS defaults to ../shared/corpus/unlabeled.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import median

import vnnews

WORD = re.compile(r"\w+")
ROOT = Path(__file__).resolve().parents[1]


def best_of(repeat: int, func: Callable[[], object]) -> float:
    """The fastest of ``repeat`` calls of ``func``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def each(func: Callable[[str], object], texts: Sequence[str]) -> Callable[[], None]:
    def run() -> None:
        for text in texts:
            func(text)

    return run


def parse_ratios(texts: list[str], repeat: int) -> None:
    print("(a) parse time / findall(r'\\w+') time, per article")
    example = [vnnews.example_text()] * 200
    for name, batch in (("founding article", example), ("corpus", texts)):
        base = best_of(repeat, each(WORD.findall, batch))
        parse = best_of(repeat, each(vnnews.parse, batch))
        per = parse / len(batch) * 1e3
        print(f"    {name:17} {per:7.3f} ms/article   ratio {parse / base:5.1f}")


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "vnnews", "parse", "--quiet", "-o", os.devnull, *args]


def child_env() -> dict[str, str]:
    """The environment of the timed commands: this checkout's vnnews, bytecode cached.

    An installed package runs from cached bytecode, written by pip at install
    time.  A ``PYTHONDONTWRITEBYTECODE`` set in this shell would make every run
    compile vnnews from source again, a fixed cost (about 0.1 s) that no user
    pays, and that weighs on one job more than on two; the commands run without it.
    """
    src = str(ROOT / "src")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def throughput(corpus: Path, count: int, repeat: int) -> None:
    print(f"(b) vnnews parse throughput over {count} articles ({repeat} rounds, best run)")
    print(f"    load average before: {os.getloadavg()[0]:.1f} (other work on the CPUs skews this)")
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, float] = {1: 0.0, 2: 0.0}
    # One job and two alternate, round after round, so that a slow spell of
    # this shared machine falls on both rather than on whichever ran then.
    for _ in range(repeat):
        for jobs in (1, 2):
            cpu = _cpu_seconds()
            start = time.perf_counter()
            subprocess.run(command("--jobs", str(jobs), str(corpus)), check=False, env=child_env())
            walls[jobs].append(time.perf_counter() - start)
            cpus[jobs] += _cpu_seconds() - cpu
    best = {jobs: min(runs) for jobs, runs in walls.items()}
    for jobs in (1, 2):
        print(
            f"    --jobs {jobs}   {count / best[jobs]:7.0f} articles/s   ({best[jobs]:.2f} s wall,"
            f" {cpus[jobs] / repeat:.2f} s CPU in all processes)"
        )
    print(
        f"    2 jobs / 1 job: {best[1] / best[2]:.2f}x"
        f" (of the median runs: {median(walls[1]) / median(walls[2]):.2f}x)"
    )
    startup = best_of(
        repeat,
        lambda: subprocess.run(command("--example"), check=False, env=child_env()),
    )
    print(
        f"    start-up (the command on one article): {startup:.2f} s, a fixed cost in both"
        " runs that two jobs cannot share"
    )
    steady = (best[1] - startup) / (best[2] - startup)
    print(f"    2 jobs / 1 job without the start-up: {steady:.2f}x")


def _rss_kib(pid: int) -> int:
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    except OSError:
        return []
    return [int(child) for child in text.split()]


def peak_rss(args: list[str]) -> tuple[float, float, float]:
    """Run ``args``: seconds, peak RSS of the process and with its children (MiB)."""
    start = time.perf_counter()
    peak_own = peak_all = 0
    with subprocess.Popen(args, env=child_env()) as child:
        while child.poll() is None:
            own = _rss_kib(child.pid)
            peak_own = max(peak_own, own)
            peak_all = max(peak_all, own + sum(_rss_kib(c) for c in _children(child.pid)))
            time.sleep(0.05)
    return time.perf_counter() - start, peak_own / 1024, peak_all / 1024


def repeated_corpus(files: list[Path], count: int, where: Path) -> Path:
    """A directory of ``count`` symbolic links to the corpus files, 1 000 per subdirectory."""
    root = where / f"x{count}"
    for number in range(count):
        sub = root / f"{number // 1000:05}"
        if number % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"{number:07}.txt").symlink_to(files[number % len(files)])
    return root


def memory(files: list[Path], sizes: tuple[int, int]) -> None:
    print("(c) peak RSS streaming the corpus repeated, --jobs 2, JSON Lines to /dev/null")
    if not Path("/proc/self/status").exists():
        print("    skipped: needs /proc")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for count in sizes:
            root = repeated_corpus(files, count, Path(tmp))
            seconds, own, total = peak_rss(command("--jobs", "2", str(root)))
            print(
                f"    {count:7} articles: parent {own:6.1f} MiB, with workers {total:6.1f} MiB"
                f"   ({count / seconds:.0f} articles/s)"
            )


def serialization(texts: list[str], repeat: int) -> None:
    print("(d) serialization time / parse time, per article")
    articles = [vnnews.parse(text) for text in texts]
    parse = best_of(repeat, each(vnnews.parse, texts))

    def jsonl() -> None:
        vnnews.dump_jsonl(articles, io.StringIO())

    costs = {
        "JSON (to_json)": best_of(repeat, lambda: [vnnews.to_json(a) for a in articles]),
        "JSON Lines": best_of(repeat, jsonl),
        "JSON-LD": best_of(repeat, lambda: [vnnews.to_jsonld(a) for a in articles]),
    }
    try:
        import pyarrow  # noqa: F401, PLC0415
    except ImportError:
        print("    Parquet: skipped (pip install 'vnnews[parquet]')")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "a.parquet"
            costs["Parquet"] = best_of(repeat, lambda: vnnews.write_parquet(articles, target))
    for name, seconds in costs.items():
        per = seconds / len(articles) * 1e3
        print(f"    {name:15} {per:7.3f} ms/article   {seconds / parse:5.2f} x parse")


def main() -> int:
    default = ROOT.parent / "shared" / "corpus" / "unlabeled"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=default)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="smaller (c), one pass each")
    ap.add_argument("--only", default="abcd", help="the parts to run, e.g. 'ab' (default: all)")
    args = ap.parse_args()
    files = sorted(path for path in args.corpus.rglob("*.txt") if path.is_file())
    if not files:
        sys.stderr.write(f"no *.txt files under {args.corpus}\n")
        return 2
    repeat = 1 if args.quick else args.repeat
    texts = [path.read_text(encoding="utf-8") for path in files]
    size = sum(len(text.encode()) for text in texts)
    print(f"corpus: {len(texts)} articles, {size / 1e6:.1f} MB; {os.cpu_count()} CPUs")
    if "a" in args.only:
        parse_ratios(texts, repeat)
    if "b" in args.only:
        throughput(args.corpus, len(files), repeat)
    if "c" in args.only:
        memory(files, (2_000, 20_000) if args.quick else (10_000, 100_000))
    if "d" in args.only:
        serialization(texts, repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
