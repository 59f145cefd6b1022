"""The pandas how-to: its script's tables are the ones the page shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "scripts" / "top_officials.py"
PAGE = ROOT / "docs" / "howto" / "pandas.md"


@pytest.fixture
def script(load_module: Callable[[Path], ModuleType]) -> ModuleType:
    pytest.importorskip("pandas")
    return load_module(SCRIPT)


def test_the_page_shows_the_tables_the_script_prints(script: ModuleType, shared_dir: Path) -> None:
    module = script
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
