"""Build hook: compile the per-article extraction modules with mypyc.

The package is pure Python and fully typed.  mypyc compiles the modules that do
most of the work on each article (``[tool.vnnews] compiled`` in pyproject.toml)
into C extensions.  These run the same code, and a whole parse takes about three
quarters of the time.  ``pyproject.toml`` holds the metadata; the rest is an
ordinary setuptools build.

Set ``VNNEWS_PURE_PYTHON=1`` to build without compiling, for example while editing
those modules in an editable install; where the C compiler is missing or fails, the
build leaves the extensions out by itself.  Until the next
install, a compiled module shadows the source file next to it (tests/test_build.py
fails when the source is newer).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from setuptools import setup


def compiled_paths() -> list[str]:
    """The source files to compile, or none when ``VNNEWS_PURE_PYTHON`` is set."""
    if os.environ.get("VNNEWS_PURE_PYTHON", "0") not in {"", "0"}:
        return []
    config = tomllib.loads(Path(__file__).with_name("pyproject.toml").read_text("utf-8"))
    paths: list[str] = config["tool"]["vnnews"]["compiled"]
    return paths


if paths := compiled_paths():
    from mypyc.build import mypycify

    extensions = mypycify(paths, opt_level="3")
    for extension in extensions:
        # Where the C compiler is missing or fails, build_ext warns and leaves the
        # extension out: the package installs as pure Python rather than not at all.
        extension.optional = True
    # mypycify's annotation also admits distutils' Extension, which setuptools' stubs do not.
    setup(ext_modules=extensions)  # type: ignore[arg-type]
else:
    setup()
