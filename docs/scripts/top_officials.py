"""Which officials and which documents a corpus mentions most, with a chart.

``python docs/scripts/top_officials.py ../shared/corpus/unlabeled`` parses every
``*.txt`` below the folder into JSON Lines, loads them into pandas, prints two
Markdown tables (the "Analyse a corpus with pandas" page shows them) and
writes ``docs/howto/top_officials.png`` (needs matplotlib).  The test suite
runs the table part and compares it with the page.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd

import vnnews

CHART = Path(__file__).resolve().parent.parent / "howto" / "top_officials.png"
TOP = 10


# --8<-- [start:load]
def load(folder: Path) -> pd.DataFrame:
    """One row per article: the JSON Lines of every ``*.txt`` below ``folder``."""
    lines = io.StringIO()
    vnnews.dump_jsonl((vnnews.parse_file(path) for path in sorted(folder.rglob("*.txt"))), lines)
    lines.seek(0)
    return pd.read_json(lines, lines=True, dtype=False)


# --8<-- [end:load]


# --8<-- [start:officials]
def top_officials(articles: pd.DataFrame, top: int = TOP) -> pd.DataFrame:
    """People with a rank or a position, by the number of articles that name them."""
    people = pd.json_normalize(articles["people"].explode().dropna().tolist())
    officials = people[people["rank"].notna() | people["positions"].str.len().gt(0)]
    return (
        officials.groupby("name")
        .size()
        .rename("articles")
        .reset_index()
        .sort_values(["articles", "name"], ascending=[False, True])
        .head(top)
        .reset_index(drop=True)
    )


# --8<-- [end:officials]


# --8<-- [start:documents]
def top_documents(articles: pd.DataFrame, top: int = TOP) -> pd.DataFrame:
    """Numbered documents, by the number of articles that cite them."""
    documents = pd.json_normalize(articles["documents"].explode().dropna().tolist())
    numbered = documents[documents["number"].notna()]
    return (
        numbered.groupby(["kind", "number"])
        .size()
        .rename("articles")
        .reset_index()
        .sort_values(["articles", "number"], ascending=[False, True])
        .head(top)
        .reset_index(drop=True)
    )


# --8<-- [end:documents]


def markdown(table: pd.DataFrame) -> str:
    """A Markdown table (pandas' own ``to_markdown`` needs the tabulate package)."""
    rows = [
        list(table.columns),
        ["---"] * len(table.columns),
        *table.astype(str).to_numpy().tolist(),
    ]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows) + "\n"


def plot(officials: pd.DataFrame, path: Path) -> None:
    """A horizontal bar chart of ``officials``, most often named on top."""
    import matplotlib as mpl  # noqa: PLC0415 - only the chart needs matplotlib

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    figure, axes = plt.subplots(figsize=(7, 4), dpi=100)
    axes.barh(officials["name"][::-1], officials["articles"][::-1], color="#3f51b5")
    axes.set_xlabel("articles naming the person")
    axes.set_title("Officials named most often in ../shared/corpus/unlabeled")
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)


def main(folder: str) -> None:
    """Print both tables and write the chart."""
    articles = load(Path(folder))
    officials = top_officials(articles)
    sys.stdout.write(markdown(officials) + "\n" + markdown(top_documents(articles)))
    plot(officials, CHART)


if __name__ == "__main__":
    main(sys.argv[1])
