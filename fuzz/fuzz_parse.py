"""Coverage-guided fuzzing of vnnews.parse, from_json and from_dict with atheris.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_parse.py -atheris_runs=1000000 -max_len=4096 fuzz/corpus

(see fuzz/README.md).  Each input is fed to ``vnnews.parse`` as bytes, as text
(when the bytes are UTF-8), in a named encoding, and to ``vnnews.from_json``.
An Article must survive ``from_json(to_json(a)) == a``; the only exceptions
allowed are vnnews errors.  Anything else is a crash that atheris reports
with the input that caused it.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import vnnews

ENCODINGS = (None, "utf-8", "utf-16", "cp1258", "tcvn3", "vni")


def check(article: vnnews.Article) -> None:
    """An Article must come back from its own JSON unchanged."""
    if vnnews.from_json(vnnews.to_json(article)) != article:
        msg = f"JSON round trip changed the article: {article!r}"
        raise AssertionError(msg)


def test_one_input(data: bytes) -> None:
    """One input: the first byte picks an encoding, the rest is the text."""
    fdp = atheris.FuzzedDataProvider(data)
    encoding = ENCODINGS[fdp.ConsumeIntInRange(0, len(ENCODINGS) - 1)]
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    with contextlib.suppress(vnnews.VnnewsError):
        check(vnnews.parse(raw, encoding=encoding))
    try:
        text = raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    with contextlib.suppress(vnnews.VnnewsError):
        check(vnnews.parse(text))
    with contextlib.suppress(vnnews.SchemaError):
        check(vnnews.from_json(raw))


def main() -> None:
    """Run atheris with the command line's libFuzzer options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
