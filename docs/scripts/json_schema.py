"""Write docs/reference/article.schema.json from the types: ``python docs/scripts/json_schema.py``.

tests/test_schema.py fails when the committed file differs from what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import vnnews

TARGET = Path(__file__).resolve().parent.parent / "reference" / "article.schema.json"


def render() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(vnnews.json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
