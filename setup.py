"""Build hook: compile the per-article extraction modules with mypyc.

The package is pure Python and fully typed.  mypyc compiles the modules that do
most of the work on each article (``[tool.vnnews] compiled`` in pyproject.toml)
into C extensions.  These run the same code, and a whole parse takes about three
quarters of the time.  ``pyproject.toml`` holds the metadata; the rest is an
ordinary setuptools build.

In an editable install a compiled module shadows the source file next to it until
the next install (tests/test_build.py fails when the source is newer).  Set
``VNNEWS_PURE_PYTHON=1`` to build without compiling, for example while editing those
modules; that build deletes the extensions an earlier one left beside the sources.
Where mypyc or the C compiler fails, the build leaves the extensions out by itself.
"""

from __future__ import annotations

import os
import sys
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from setuptools import setup

ROOT = Path(__file__).parent


def listed_paths() -> list[str]:
    """The source files listed for compiling under ``[tool.vnnews] compiled``."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    paths: list[str] = config["tool"]["vnnews"]["compiled"]
    return paths


def remove_stale_extensions(paths: list[str]) -> None:
    """Delete the extensions an earlier compiled editable install left beside the sources.

    They would shadow the sources of a pure-Python editable install.
    """
    for path in paths:
        for suffix in EXTENSION_SUFFIXES:
            (ROOT / path).with_suffix(suffix).unlink(missing_ok=True)
    for shared in (ROOT / "src").glob("*__mypyc.*"):  # the library the modules share
        shared.unlink()


def compiled_extensions(paths: list[str]) -> list[Any]:
    """The mypyc extensions of ``paths``; none when mypyc cannot translate them.

    mypyc type-checks the package first and exits on an error (a newer mypy may
    find one): the package then installs as pure Python, with a warning.
    """
    try:
        from mypyc.build import mypycify  # noqa: PLC0415 - not needed for a pure build

        extensions = mypycify(paths, opt_level="3")
    except (ImportError, SystemExit) as exc:
        sys.stderr.write(f"vnnews: mypyc failed ({exc!r}); installing pure Python\n")
        return []
    for extension in extensions:
        # Where the C compiler is missing or fails, build_ext warns and leaves the
        # extension out: the package installs as pure Python rather than not at all.
        extension.optional = True
    return extensions


if os.environ.get("VNNEWS_PURE_PYTHON", "0") not in {"", "0"}:
    remove_stale_extensions(listed_paths())
    setup()
else:
    setup(ext_modules=compiled_extensions(listed_paths()))
