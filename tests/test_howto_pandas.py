"""The pandas how-to: its script's tables are the ones the page shows."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "scripts" / "top_officials.py"
PAGE = ROOT / "docs" / "howto" / "pandas.md"


def script() -> ModuleType:
    pytest.importorskip("pandas")
    spec = importlib.util.spec_from_file_location("top_officials", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_page_shows_the_tables_the_script_prints(shared_dir: Path) -> None:
    module = script()
    articles = module.load(shared_dir / "corpus" / "unlabeled")
    assert len(articles) == 1243
    page = PAGE.read_text(encoding="utf-8")
    for table in (module.top_officials(articles), module.top_documents(articles)):
        assert len(table) == module.TOP
        assert module.markdown(table) in page, (
            "docs/howto/pandas.md is stale: run "
            "python docs/scripts/top_officials.py ../shared/corpus/unlabeled"
        )
    assert (ROOT / "docs" / "howto" / "top_officials.png").is_file()
    assert "](top_officials.png)" in page
