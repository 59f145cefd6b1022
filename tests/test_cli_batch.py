"""The command over many files: worker processes, order, failures, progress, summary."""

from __future__ import annotations

import io
import json
import os
import signal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnnews
from test_cli import article_text, titles_of_jsonl, without_summary
from vnnews import _batch, _cli
from vnnews._cli import main

GOOD = 40


def make_corpus(root: Path, count: int = GOOD) -> list[str]:
    """``count`` good articles in nested directories; their titles in output order."""
    titles = []
    for number in range(count):
        title = f"Bài số {number:03}"
        path = root / f"d{number // 10}" / f"{number:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(title), encoding="utf-8")
        titles.append(title)
    return titles


def test_jobs_keep_input_order_and_match_one_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    titles = make_corpus(tmp_path)
    assert main(["parse", "--jobs", "2", str(tmp_path)]) == 0
    two = capsys.readouterr()
    assert titles_of_jsonl(two.out) == titles
    assert without_summary(two.err) == ""
    assert f"parsed {GOOD}, failed 0" in two.err
    assert main(["parse", "--jobs", "1", str(tmp_path)]) == 0
    assert capsys.readouterr().out == two.out


@pytest.mark.parametrize("fmt", ["json", "text", "jsonld"])
def test_every_text_format_is_the_same_with_workers(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_corpus(tmp_path, 20)
    assert main(["parse", "-j", "2", "--format", fmt, str(tmp_path)]) == 0
    two = capsys.readouterr().out
    assert main(["parse", "-j", "1", "--format", fmt, str(tmp_path)]) == 0
    assert capsys.readouterr().out == two


def bad_corpus(root: Path) -> tuple[list[str], list[Path]]:
    """Good articles with an unreadable, a binary and an empty file among them."""
    titles = make_corpus(root)
    unreadable = root / "d1" / "015a-unreadable.txt"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        unreadable.write_text(article_text("Khóa"), encoding="utf-8")
        unreadable.chmod(0)
    else:  # root reads any file; a link to nowhere cannot be read by anyone
        unreadable.symlink_to(root / "nowhere.txt")
    binary = root / "d2" / "025a-binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    empty = root / "d3" / "035a-empty.txt"
    empty.write_bytes(b"")
    return titles, [unreadable, binary, empty]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_files_are_reported_and_the_batch_completes(
    jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    titles, bad = bad_corpus(tmp_path)
    assert main(["parse", "--jobs", jobs, str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert titles_of_jsonl(captured.out) == titles
    errors = without_summary(captured.err).splitlines()
    assert [line.split(": ")[2] for line in errors] == [str(path) for path in bad]
    assert errors[2].endswith("no article text (the input is empty)")
    assert f"parsed {GOOD}, failed 3" in captured.err


def test_fail_fast_stops_at_the_first_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    titles, bad = bad_corpus(tmp_path)
    assert main(["parse", "--jobs", "2", "--fail-fast", "--format", "json", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert [a["title"] for a in json.loads(captured.out)] == titles[:16]
    [line] = without_summary(captured.err).splitlines()
    assert line.startswith(f"vnnews: error: {bad[0]}: ")
    assert "parsed 16, failed 1 in " in captured.err
    assert "(stopped at the first failure)" in captured.err


def test_quiet_writes_nothing_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad_corpus(tmp_path)
    assert main(["parse", "-q", "-j", "2", str(tmp_path)]) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--example", "--jobs", value]) == 2
    assert "number of jobs" in capsys.readouterr().err


def test_parquet_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--example", "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err


def test_parquet_output_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    corpus = tmp_path / "in"
    titles = make_corpus(corpus)
    target = tmp_path / "out.parquet"
    assert main(["parse", "-j", "2", "--format", "parquet", "-o", str(target), str(corpus)]) == 0
    capsys.readouterr()
    articles = list(vnnews.read_parquet(target))
    assert [a.title for a in articles] == titles
    assert articles == [vnnews.parse_file(p) for p in sorted(corpus.rglob("*.txt"))]


def test_progress_line_shows_count_rate_and_eta() -> None:
    stream = io.StringIO()
    progress = _batch.Progress(stream, interval=0)
    progress.started -= 2.0
    progress.update(failed=False)
    assert "1/? articles" in stream.getvalue()
    progress.total = 10
    progress.update(failed=True)
    line = progress.line(progress.started + 2.0)
    assert line == "2/10 articles, 1 failed, 1/s, ETA 00:08"
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_corpus(tmp_path, 20)
    tty = FakeTty()
    monkeypatch.setattr("sys.stderr", tty)
    assert main(["parse", "-j", "1", str(tmp_path)]) == 0
    err = tty.getvalue()
    assert "articles" in err
    assert "\r\x1b[K" in err
    assert err.rstrip("\n").rsplit("\r\x1b[K", 1)[-1].startswith("vnnews: parsed 20, failed 0")
    monkeypatch.undo()
    capsys.readouterr()


def test_count_inputs_matches_the_inputs(tmp_path: Path) -> None:
    make_corpus(tmp_path, 12)
    paths = [str(tmp_path), "-", str(tmp_path / "missing.txt")]
    assert _cli._count_inputs(paths, example=True, pattern="*.txt") == 15  # noqa: SLF001


def test_broken_link_in_a_directory_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "gone.txt")
    assert main(["parse", str(tmp_path)]) == 1
    assert without_summary(capsys.readouterr().err).startswith(
        f"vnnews: error: {tmp_path / 'a.txt'}: "
    )


@given(
    st.lists(st.integers(), max_size=300),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=0, max_value=5),
)
def test_tapered_chunks_keep_every_item_in_order(items: list[int], size: int, ahead: int) -> None:
    chunks = list(_batch._tapered_chunks(items, size, ahead=ahead))  # noqa: SLF001
    assert [item for chunk in chunks for item in chunk] == items
    assert all(chunks)
    # Full chunks first, then the end in small ones: at most ``ahead`` full
    # chunks' worth and the last partial one.
    full = 0
    while full < len(chunks) and len(chunks[full]) == size:
        full += 1
    small = max(size // 8, 1)
    assert all(len(chunk) <= small for chunk in chunks[full:])
    assert len(items) - full * size < size * (ahead + 1) or small == size


def test_a_killed_worker_is_reported_and_the_run_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_corpus(tmp_path)
    real = vnnews.parse_file

    def killed_at_020(path: str | os.PathLike[str]) -> vnnews.Article:
        if os.fspath(path).endswith("020.txt"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does when memory runs out
        return real(path)

    monkeypatch.setattr(_cli, "parse_file", killed_at_020)
    assert main(["parse", "--jobs", "2", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "vnnews: error: a worker process stopped (killed by SIGKILL) before it finished its"
        " work; the results end before the inputs it held\n"
    )
    titles = titles_of_jsonl(captured.out)
    assert titles == [f"Bài số {number:03}" for number in range(len(titles))]
    assert len(titles) <= 20  # 020.txt and after are lost
