"""Collection rule for the source tree: doctests of compiled modules come from their source.

``pytest`` collects the doctests of ``src/vnnews`` by importing each module; a module
that mypyc compiled (setup.py) imports as its extension, which keeps no docstrings.
Those modules are left out here, and ``tests/test_build.py`` runs their doctests from
the source files instead, so no example goes unchecked in either build.
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path


def compiled_twin(path: Path) -> Path | None:
    """The extension module built from the source file ``path``, if there is one."""
    if path.suffix != ".py":
        return None
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        twin = path.with_suffix(suffix)
        if twin.is_file():
            return twin
    return None


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Leave out the source of a compiled module (its doctests run from tests/test_build.py)."""
    return True if compiled_twin(collection_path) is not None else None
