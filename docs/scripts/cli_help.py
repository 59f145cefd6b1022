"""Write docs/reference/cli-help.txt, the help texts the CLI page shows.

``python docs/scripts/cli_help.py`` formats ``vnnews --help`` and
``vnnews parse --help`` at 88 columns.  The default of ``--jobs`` is the
number of cores of the machine that runs the command; the page shows it as
``N`` so that it does not depend on the machine that built it.
tests/test_docs.py fails when the committed file differs from what this writes.
"""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

from vnnews import _cli

TARGET = Path(__file__).resolve().parent.parent / "reference" / "cli-help.txt"
COLUMNS = "88"


def render() -> str:
    """Both help texts, each after the command that prints it."""
    with (
        mock.patch.dict(os.environ, {"COLUMNS": COLUMNS}),
        mock.patch.object(_cli, "default_jobs", return_value="N"),
    ):
        parser, sub = _cli._build_parsers()  # noqa: SLF001 - the parsers the command uses
        return (
            f"$ vnnews --help\n{parser.format_help()}\n$ vnnews parse --help\n{sub.format_help()}"
        )


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
