"""The documentation's examples that doctest does not run: ``console`` blocks.

A fenced ``console`` block in ``README.md`` or a page under ``docs/`` holds
commands ``$ vnnews ...``, each followed by its standard output.  Each command
is run from the checkout (as ``python -m vnnews``, with ``COLUMNS=88``) and its
standard output must match what the page shows, line for line; a line ``...``
stands for any number of lines, where the page says it trimmed the output.
Python examples (``>>>``) are doctests, run by pytest through
``--doctest-glob=*.md``.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```\s*$", re.DOTALL | re.MULTILINE)

#: Fenced-block languages and how each is checked.  ``python`` blocks must be
#: doctests (``>>>``) or a snippet of a file that a test runs; ``sh`` and
#: ``text`` blocks show commands to adapt and messages, not examples with output.
CHECKED = {"python", "console"}
SHOWN = {"sh", "text", "json"}


def blocks(lang: str) -> list[tuple[str, str]]:
    return [
        (str(page.relative_to(ROOT)), match["body"])
        for page in PAGES
        for match in FENCE.finditer(page.read_text(encoding="utf-8"))
        if match["lang"] == lang
    ]


def commands() -> list[tuple[str, str, str]]:
    """(page, command line, expected output) for every ``$ vnnews`` line."""
    found = []
    for page, body in blocks("console"):
        for chunk in re.split(r"^(?=\$ )", body, flags=re.MULTILINE):
            if not chunk.strip():
                continue
            command, _, output = chunk.partition("\n")
            found.append((page, command.removeprefix("$ "), output))
    return found


def matches(expected: str, actual: str) -> bool:
    """``actual`` is ``expected`` where each line ``...`` matches any lines."""
    pattern = "".join(
        r"(?:.*\n)*?" if line == "..." else re.escape(line) + r"\n"
        for line in expected.splitlines()
    )
    return re.fullmatch(pattern, actual) is not None


@pytest.mark.parametrize(("page", "command", "expected"), commands())
def test_console_example(page: str, command: str, expected: str) -> None:
    argv = shlex.split(command)
    assert argv[0] == "vnnews", f"{page}: console examples run vnnews only: {command}"
    env = {**os.environ, "COLUMNS": "88", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "vnnews", *argv[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, f"{page}: {command}\n{done.stderr}"
    assert matches(expected, done.stdout), f"{page}: {command}\n{done.stdout}"


def test_the_pages_have_console_examples() -> None:
    assert len(commands()) >= 2


def test_every_fenced_block_is_checked_or_only_shown() -> None:
    for page, body in blocks("python"):
        assert ">>>" in body or body.startswith("--8<--"), f"{page}: unchecked python:\n{body}"
    for path in PAGES:
        for match in FENCE.finditer(path.read_text(encoding="utf-8")):
            assert match["lang"] in CHECKED | SHOWN, f"{path}: a ```{match['lang']} block"


def test_cli_reference_shows_the_current_help(
    load_module: Callable[[Path], ModuleType],
) -> None:
    committed = (ROOT / "docs" / "reference" / "cli-help.txt").read_text(encoding="utf-8")
    assert committed == load_module(ROOT / "docs" / "scripts" / "cli_help.py").render(), (
        "docs/reference/cli-help.txt is stale: run python docs/scripts/cli_help.py"
    )
    env = {**os.environ, "COLUMNS": "88"}
    run = [sys.executable, "-m", "vnnews", "parse", "--help"]
    shown = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    shown = re.sub(r"\(default: \d+, every", "(default: N, every", shown)
    assert committed.endswith(f"$ vnnews parse --help\n{shown}")


def test_trimmed_output_matches_only_in_order() -> None:
    assert matches("a\n...\nd\n", "a\nb\nc\nd\n")
    assert matches("a\n...\nb\n", "a\nb\n")
    assert not matches("a\n...\nd\n", "d\nb\na\n")
    assert not matches("a\n", "a\nb\n")


def test_accuracy_page_shows_the_current_scores(shared_dir: Path) -> None:
    scorer = shared_dir / "eval" / "score.py"
    command = f"{sys.executable} -m vnnews parse --format jsonl --quiet"
    done = subprocess.run(
        [sys.executable, str(scorer), str(shared_dir / "corpus" / "dev"), "--cmd", command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=300,
    )
    scores = done.stdout[done.stdout.index("\narticles ") + 1 :]
    page = (ROOT / "docs" / "explanation" / "accuracy.md").read_text(encoding="utf-8")
    assert f"```text\n{scores}```" in page, f"docs/explanation/accuracy.md is stale:\n{scores}"
