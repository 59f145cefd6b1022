from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import vnnews
from vnnews import _cli
from vnnews._cli import main

TITLE = "Nâng cao hiệu quả công tác dân vận trong lực lượng CAND trong tình hình mới"
PUBLISHED = "2018-06-12T08:55:00+07:00"

# The package's parent directory, so that a child Python imports this same vnnews.
PACKAGE_ROOT = str(Path(vnnews.__file__).resolve().parent.parent)


def article_text(title: str) -> str:
    return f"Thứ Ba, 12/06/2018, 08:55 [GMT+7]\n\n{title}\n\nMở đầu của bài báo.\n"


def write_article(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(title), encoding="utf-8")
    return path


SUMMARY = re.compile(
    r"vnnews: parsed (\d+), failed (\d+) in \d+\.\d s( \(stopped at the first failure\))?\n\Z"
)


def without_summary(err: str | bytes) -> str:
    """Standard error less the summary line that ends it (which must be there)."""
    text = err.decode("utf-8") if isinstance(err, bytes) else err
    body, _, last = text[:-1].rpartition("\n") if text else ("", "", "")
    assert SUMMARY.fullmatch(last + "\n"), text
    return body + "\n" if body else ""


def titles_of_jsonl(out: str) -> list[str | None]:
    return [vnnews.from_json(line, vnnews.Article).title for line in out.splitlines()]


def run_child(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    child_env = {**os.environ, **(env or {})}
    child_env["PYTHONPATH"] = os.pathsep.join(
        [PACKAGE_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return subprocess.run(
        [sys.executable, "-m", "vnnews", *args],
        input=stdin,
        capture_output=True,
        env=child_env,
        check=False,
        timeout=120,
    )


class FakeStdin:
    """Stands in for sys.stdin: only ``.buffer`` is read."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


# --- the basics ---------------------------------------------------------------


def test_subprocess_example_is_the_founding_article() -> None:
    result = run_child("parse", "--example")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert without_summary(result.stderr) == ""
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["title"] == TITLE
    assert data["published"] == PUBLISHED


def test_subprocess_writes_utf8_whatever_the_locale() -> None:
    result = run_child(
        "parse",
        "--example",
        "--format",
        "text",
        env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert TITLE in result.stdout.decode("utf-8")
    assert b"\r\n" not in result.stdout


def test_subprocess_stdin_and_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    result = run_child("parse", "-", missing, stdin=article_text("Tin từ stdin").encode())
    assert result.returncode == 1
    assert titles_of_jsonl(result.stdout.decode("utf-8")) == ["Tin từ stdin"]
    err = without_summary(result.stderr).splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"vnnews: error: {missing}: ")


def test_subprocess_broken_pipe_is_quiet(tmp_path: Path) -> None:
    text = vnnews.example_text()
    for number in range(60):
        (tmp_path / f"{number:03}.txt").write_text(text, encoding="utf-8")
    child_env = {**os.environ, "PYTHONPATH": PACKAGE_ROOT}
    with subprocess.Popen(
        [sys.executable, "-m", "vnnews", "parse", "--format", "json", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env,
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        child.stdout.read(10)
        child.stdout.close()  # like `| head -c 10`
        err = child.stderr.read()
        code = child.wait(timeout=120)
    assert b"Traceback" not in err
    assert err == b""
    assert code in {0, 1}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"vnnews {vnnews.__version__}\n"


def test_help_documents_formats_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--help"]) == 0
    out = capsys.readouterr().out
    assert "always an" in out
    assert "array" in out
    assert "'----'" in out
    assert "exit status" in out


def test_example_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--example"]) == 0
    captured = capsys.readouterr()
    assert without_summary(captured.err) == ""
    [line] = captured.out.splitlines()
    article = vnnews.from_json(line, vnnews.Article)
    assert article == vnnews.parse(vnnews.example_text())
    assert article.title == TITLE


# --- inputs -------------------------------------------------------------------


def test_directory_recursion_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "in"
    write_article(root / "b.txt", "Bài B")
    write_article(root / "a-c.txt", "Bài A-C")
    write_article(root / "a" / "z.txt", "Bài A/Z")
    write_article(root / "a" / "deeper" / "y.txt", "Bài A/Deeper/Y")
    write_article(root / "c.md", "Bài C markdown")
    (root / "dir.txt").mkdir()  # a directory whose name matches is not a file
    assert main(["parse", str(root)]) == 0
    # Component by component: everything under "a/" comes before "a-c.txt".
    assert titles_of_jsonl(capsys.readouterr().out) == [
        "Bài A/Deeper/Y",
        "Bài A/Z",
        "Bài A-C",
        "Bài B",
    ]


def test_glob_picks_files_in_directories_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_article(tmp_path / "d" / "x.txt", "Bài văn bản")
    write_article(tmp_path / "d" / "sub" / "y.md", "Bài markdown")
    named = write_article(tmp_path / "named.txt", "Bài được nêu tên")
    assert main(["parse", "--glob", "*.md", str(tmp_path / "d"), str(named)]) == 0
    assert titles_of_jsonl(capsys.readouterr().out) == ["Bài markdown", "Bài được nêu tên"]


def test_directory_without_matches_is_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    write_article(tmp_path / "empty" / "note.md", "Không khớp")
    assert main(["parse", str(tmp_path / "empty")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert without_summary(captured.err) == ""


def test_example_comes_first_and_order_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = write_article(tmp_path / "2.txt", "Thứ hai")
    first = write_article(tmp_path / "1.txt", "Thứ nhất")
    # Options may come between paths; the paths keep their order.
    assert main(["parse", str(second), "--format", "jsonl", str(first), "--example"]) == 0
    assert titles_of_jsonl(capsys.readouterr().out) == [TITLE, "Thứ hai", "Thứ nhất"]


def test_stdin_is_read_as_bytes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = article_text("Tin từ đầu vào chuẩn").encode("utf-16")  # only bytes can carry a BOM
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert main(["parse", "-"]) == 0
    assert titles_of_jsonl(capsys.readouterr().out) == ["Tin từ đầu vào chuẩn"]


def test_stdin_between_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = write_article(tmp_path / "before.txt", "Trước")
    after = write_article(tmp_path / "after.txt", "Sau")
    monkeypatch.setattr(sys, "stdin", FakeStdin(article_text("Giữa").encode()))
    assert main(["parse", str(before), "-", str(after)]) == 0
    assert titles_of_jsonl(capsys.readouterr().out) == ["Trước", "Giữa", "Sau"]


# --- formats and output ----------------------------------------------------------


def test_jsonl_has_one_line_per_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(write_article(tmp_path / f"{n}.txt", f"Bài số {n}")) for n in range(3)]
    assert main(["parse", "--example", *paths]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n")
    assert len(out.splitlines()) == 4
    assert titles_of_jsonl(out) == [TITLE, "Bài số 0", "Bài số 1", "Bài số 2"]


def test_json_is_an_indented_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = write_article(tmp_path / "other.txt", "Bài khác")
    assert main(["parse", "--format", "json", "--example", str(other)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert isinstance(data, list)
    assert [item["title"] for item in data] == [TITLE, "Bài khác"]
    assert data[0]["published"] == PUBLISHED
    articles = [vnnews.parse(vnnews.example_text()), vnnews.parse_file(other)]
    expected = json.dumps([vnnews.to_dict(a) for a in articles], indent=2, ensure_ascii=False)
    assert out == expected + "\n"


def test_json_is_an_array_even_for_one_or_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "--format", "json", "--example"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    assert len(data) == 1
    assert main(["parse", "--format", "json", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = write_article(tmp_path / "other.txt", "Bài khác")
    assert main(["parse", "--format", "text", "--example", str(other)]) == 0
    out = capsys.readouterr().out
    assert TITLE in out
    assert "Bài khác" in out
    first, second = out.split("\n\n----\n\n")
    assert TITLE in first
    assert "Bài khác" in second
    assert out.endswith("\n")
    assert not out.endswith("\n\n")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "jsonld", "text"])
def test_text_only_stdout_gets_the_same_text(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A standard output without a binary buffer (``io.StringIO``) gets what a file gets."""
    other = write_article(tmp_path / "in" / "other.txt", "Bài khác")
    target = tmp_path / f"out.{fmt}"
    args = ["parse", "--quiet", "--format", fmt, "--example", str(other)]
    assert main([*args, "--output", str(target)]) == 0
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(args) == 0
    assert stream.getvalue() == target.read_text(encoding="utf-8")
    assert "Bài khác" in stream.getvalue()


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    assert main(["parse", "--example", "--output", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert without_summary(captured.err) == ""
    raw = target.read_bytes()
    assert TITLE.encode("utf-8") in raw
    [article] = vnnews.load_jsonl(raw.decode("utf-8").splitlines())
    assert article.published is not None
    assert article.published.isoformat() == PUBLISHED


def test_output_file_is_not_read_back_from_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_article(tmp_path / "a.txt", "Bài A")
    target = tmp_path / "z.txt"
    assert main(["parse", str(tmp_path), "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert without_summary(captured.err) == ""
    assert titles_of_jsonl(target.read_text(encoding="utf-8")) == ["Bài A"]


def test_unwritable_output_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    assert main(["parse", "--example", "--output", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"vnnews: error: {target}: ")


# --- errors -----------------------------------------------------------------------


def test_missing_file_is_reported_and_others_still_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_article(tmp_path / "good.txt", "Bài tốt")
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(missing), str(good), "--example"]) == 1
    captured = capsys.readouterr()
    assert titles_of_jsonl(captured.out) == [TITLE, "Bài tốt"]
    [line] = without_summary(captured.err).splitlines()
    assert line.startswith(f"vnnews: error: {missing}: ")
    assert line.count(str(missing)) == 1  # named once, not again by the message
    assert "Traceback" not in captured.err


def test_quiet_keeps_the_status_but_not_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "-q", "--example", str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert titles_of_jsonl(captured.out) == [TITLE]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything"
)
def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = write_article(tmp_path / "locked.txt", "Khóa")
    locked.chmod(0)
    assert main(["parse", str(locked), "--example"]) == 1
    captured = capsys.readouterr()
    assert titles_of_jsonl(captured.out) == [TITLE]
    [line] = without_summary(captured.err).splitlines()
    assert line.startswith(f"vnnews: error: {locked}: ")


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe\xfa\x00\xd8\x00\xdc\x81\x8d\x8f\x90\x9d",
        bytes(range(256)) * 4,
        b"\x00" * 64,
        b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc",
    ],
)
def test_binary_input_never_gives_a_traceback(
    data: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(data)
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    code = main(["parse", str(binary), "-", "--example"])
    assert code in {0, 1}
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    for line in without_summary(captured.err).splitlines():
        assert line.startswith(("vnnews: error: <stdin>: ", f"vnnews: error: {binary}: "))
    assert titles_of_jsonl(captured.out)[0] == TITLE  # --example comes first


def test_decode_error_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(path: str | os.PathLike[str]) -> vnnews.Article:
        raise vnnews.DecodeError("cannot decode", line=3, source=os.fspath(path))

    monkeypatch.setattr(_cli, "parse_file", refuse)
    bad = tmp_path / "bad.txt"
    assert main(["parse", str(bad), "--example"]) == 1
    captured = capsys.readouterr()
    assert titles_of_jsonl(captured.out) == [TITLE]
    assert without_summary(captured.err) == f"vnnews: error: {bad}: cannot decode (line 3)\n"


def test_os_error_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def deny(path: str | os.PathLike[str]) -> vnnews.Article:
        raise PermissionError(13, "Permission denied", os.fspath(path))

    monkeypatch.setattr(_cli, "parse_file", deny)
    locked = tmp_path / "locked.txt"
    assert main(["parse", "--example", str(locked)]) == 1
    captured = capsys.readouterr()
    assert titles_of_jsonl(captured.out) == [TITLE]
    assert without_summary(captured.err) == f"vnnews: error: {locked}: Permission denied\n"


def test_keyboard_interrupt_exits_130_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupt(path: str | os.PathLike[str]) -> vnnews.Article:
        del path
        raise KeyboardInterrupt

    monkeypatch.setattr(_cli, "parse_file", interrupt)
    assert main(["parse", str(tmp_path / "any.txt")]) == 130
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse"], "nothing to parse"),
        ([], "required"),
        (["frobnicate"], "invalid choice"),
        (["parse", "--example", "--format", "xml"], "invalid choice"),
        (["parse", "--example", "--bogus"], "unrecognized arguments"),
        (["parse", "--example", "--glob", ""], "non-empty and relative"),
        (["parse", "--example", "--glob", "/abs/*.txt"], "non-empty and relative"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert "usage: vnnews" in captured.err
