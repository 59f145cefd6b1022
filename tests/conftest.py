"""Shared test setup: hypothesis profiles and the ``../shared`` material.

Hypothesis profiles: ``default`` (100 examples) for local runs and ``ci``
(500 examples, failing examples printed as reproduction blobs), chosen by
``CI=true``; ``HYPOTHESIS_PROFILE`` names a profile explicitly and wins.
Tests never set ``max_examples`` themselves.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

#: The checkout: the parent of ``tests/``.
REPO_ROOT = Path(__file__).resolve().parent.parent
#: True on CI, where nothing may be skipped for want of material.
IN_CI = os.environ.get("CI", "").strip().lower() == "true"

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=500, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if IN_CI else "default"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout: the corpus, reference tables and scorer.

    Skips the test where it is missing (a user testing from an sdist), except
    on CI, where a missing ``../shared`` fails the run.
    """
    path = (REPO_ROOT / ".." / "shared").resolve()
    if not path.is_dir():
        if IN_CI:
            pytest.fail(
                f"../shared is missing ({path}): CI must run with the shared material "
                "beside the checkout",
                pytrace=False,
            )
        pytest.skip(
            "../shared not found: corpus tests need the shared material beside the checkout"
        )
    return path


@pytest.fixture(scope="session")
def dev_scores(shared_dir: Path) -> dict[str, Any]:
    """``../shared/eval/score.py --json`` over the dev corpus, run once for the session.

    The scorer runs ``python -m vnnews parse --format jsonl`` on every dev article,
    exactly as a developer would from the command line.
    """
    command = f'"{sys.executable}" -m vnnews parse --format jsonl --quiet'
    run = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            str(shared_dir / "corpus" / "dev"),
            "--json",
            "--cmd",
            command,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    scores: dict[str, Any] = json.loads(run.stdout)
    return scores


def _load_module(path: Path) -> ModuleType:
    """Run a script of the repository (a docs recipe or script) as a fresh module.

    The module is not put in ``sys.modules``: cloudpickle then sends its functions
    to Dask workers by value.
    """
    return _run_file(path.stem, path)


def _run_file(name: str, path: Path) -> ModuleType:
    """The Python file ``path`` run as a new module called ``name``, not put in sys.modules."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def load_module() -> Callable[[Path], ModuleType]:
    """A loader for the repository's scripts: ``load_module(path) -> module``."""
    return _load_module


def _from_source(name: str) -> ModuleType:
    """The package module ``name`` run from its source file, beside the installed package.

    A module that setup.py compiled with mypyc calls its own functions and the
    methods of ``str`` directly; tests that watch those calls (or read its
    docstrings) use the source instead.  The copy is named ``<name>_from_source``
    and imports the rest of the package as installed.
    """
    spec = importlib.util.find_spec(name)
    assert spec is not None
    assert spec.origin is not None
    source = Path(spec.origin).parent / (name.rpartition(".")[2] + ".py")
    return _run_file(name + "_from_source", source)


@pytest.fixture(scope="session")
def from_source() -> Callable[[str], ModuleType]:
    """A loader of package modules from their source: ``from_source("vnnews._dates")``."""
    return _from_source
