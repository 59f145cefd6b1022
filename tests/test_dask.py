"""The multi-machine recipe of docs/dask.md, run on Dask's local schedulers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import vnnews

RECIPE = Path(__file__).resolve().parent.parent / "docs" / "recipes" / "dask_parquet.py"


@pytest.fixture
def recipe(load_module: Callable[[Path], ModuleType]) -> ModuleType:
    pytest.importorskip("dask.bag")
    pytest.importorskip("pyarrow")
    return load_module(RECIPE)


def test_recipe_writes_parquet_that_reads_back_equal(
    recipe: ModuleType, shared_dir: Path, tmp_path: Path
) -> None:
    source = shared_dir / "corpus" / "unlabeled"
    out = tmp_path / "parquet"
    count = recipe.folder_to_parquet(source, out, partition_size=200, scheduler="synchronous")
    paths = sorted(path for path in source.rglob("*.txt") if path.is_file())
    assert count == len(paths)
    assert len(list(out.glob("part-*.parquet"))) == -(-len(paths) // 200)
    for back, path in zip(vnnews.read_parquet(out), paths, strict=True):
        assert back == vnnews.parse_file(path)


def test_recipe_on_worker_processes_skips_bad_files(recipe: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    text = vnnews.example_text()
    for number in range(6):
        (source / f"{number}.txt").write_text(text, encoding="utf-8")
    (source / "3a.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    count = recipe.folder_to_parquet(
        source, tmp_path / "out", partition_size=2, scheduler="processes"
    )
    assert count == 6
    assert list(vnnews.read_parquet(tmp_path / "out")) == [vnnews.parse(text)] * 6
