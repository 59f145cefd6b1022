"""The build: the modules mypyc compiles are in use, up to date, and their doctests run.

setup.py compiles the modules listed under ``[tool.vnnews] compiled`` in
pyproject.toml.  A compiled module keeps no docstrings, so the root conftest.py
leaves its source out of pytest's doctest collection and the doctests run here,
from the source file, against the rest of the installed package.
"""

from __future__ import annotations

import doctest
import importlib.machinery
import importlib.util
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").strip().lower() == "true"
PURE = os.environ.get("VNNEWS_PURE_PYTHON", "0") not in {"", "0"}


def _compiled_paths() -> list[str]:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))
    paths: list[str] = config["tool"]["vnnews"]["compiled"]
    return paths


COMPILED = _compiled_paths()


def _module_name(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


def _is_compiled(name: str) -> bool:
    spec = importlib.util.find_spec(name)
    assert spec is not None
    assert spec.origin is not None
    return spec.origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def test_the_list_names_existing_modules() -> None:
    assert COMPILED
    for path in COMPILED:
        assert (REPO_ROOT / path).is_file(), path


@pytest.mark.parametrize("path", COMPILED)
def test_compiled_module_is_in_use(path: str) -> None:
    """On CI the compiled build is the one tested (and the one the benchmarks measure)."""
    name = _module_name(path)
    if _is_compiled(name):
        return
    if IN_CI and not PURE:
        pytest.fail(f"{name} is not compiled: CI tests the mypyc build", pytrace=False)
    pytest.skip(f"{name} runs as pure Python (built with VNNEWS_PURE_PYTHON or without mypyc)")


@pytest.mark.parametrize("path", COMPILED)
def test_compiled_module_is_not_older_than_its_source(path: str) -> None:
    """An editable install runs the extension, not an edited source file: rebuild."""
    name = _module_name(path)
    spec = importlib.util.find_spec(name)
    assert spec is not None
    assert spec.origin is not None
    source = REPO_ROOT / path
    if not _is_compiled(name) or Path(spec.origin).parent != source.parent:
        pytest.skip(f"{name} is not compiled in this checkout (an editable install)")
    assert source.stat().st_mtime <= Path(spec.origin).stat().st_mtime, (
        f"{source} changed after it was compiled: run the install again "
        "(pip install -e .), or install with VNNEWS_PURE_PYTHON=1 while editing it"
    )


@pytest.mark.parametrize("path", COMPILED)
def test_doctests_of_compiled_module(path: str, from_source: Callable[[str], ModuleType]) -> None:
    """The examples in a compiled module's docstrings, run from its source."""
    if not _is_compiled(_module_name(path)):
        pytest.skip("pure Python: pytest collects these doctests itself")
    module = from_source(_module_name(path))
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module):
        runner.run(test)
    results = runner.summarize(verbose=False)
    examples = (REPO_ROOT / path).read_text("utf-8").count(">>> ")
    assert results.attempted == examples, "every example in the source ran"
    assert results.failed == 0
