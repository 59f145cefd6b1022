"""The unlabeled corpus re-encoded: every article parses to the same Article as its UTF-8 original.

* UTF-16 (with a byte-order mark): all 1 243 articles.
* Windows-1258 in the code page's own decomposed form (:func:`encode_cp1258`:
  the base letters it has precomposed — ă â ê ô ơ ư đ and the Latin-1
  letters — and the five tone marks as combining bytes): the 1 234 articles
  it can represent; the other 9 hold a character it lacks (a zero-width
  space, Ð, ā, ō, μ, Cyrillic, IPA).
* TCVN3 and VNI, through the package's own tables: every article they can
  represent.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import vnnews
from vnnews._encodings import encode_cp1258, encode_tcvn3, encode_vni


def unlabeled(shared_dir: Path) -> list[Path]:
    files = sorted((shared_dir / "corpus" / "unlabeled").rglob("*.txt"))
    assert len(files) == 1243
    return files


def test_unlabeled_corpus_in_utf16_and_windows_1258_parses_alike(shared_dir: Path) -> None:
    counts: Counter[str] = Counter()
    differ: list[str] = []
    for path in unlabeled(shared_dir):
        data = path.read_bytes()
        text = data.decode("utf-8")
        expected = vnnews.parse(data)
        if vnnews.parse(text.encode("utf-16")) != expected:
            differ.append(f"{path.name} (UTF-16)")
        counts["UTF-16"] += 1
        try:
            legacy = encode_cp1258(text)
        except UnicodeEncodeError:
            counts["not Windows-1258"] += 1
            continue
        if vnnews.parse(legacy) != expected:
            differ.append(f"{path.name} (Windows-1258)")
        counts["Windows-1258"] += 1
    assert differ == []
    assert counts == {"UTF-16": 1243, "Windows-1258": 1234, "not Windows-1258": 9}


def test_unlabeled_corpus_in_tcvn3_and_vni_parses_alike(shared_dir: Path) -> None:
    counts: Counter[str] = Counter()
    differ: list[str] = []
    for path in unlabeled(shared_dir)[::3]:
        data = path.read_bytes()
        text = data.decode("utf-8")
        expected = vnnews.parse(data)
        for name, encode in (("TCVN3", encode_tcvn3), ("VNI", encode_vni)):
            try:
                legacy = encode(text)
            except ValueError:
                counts[f"not {name}"] += 1
                continue
            if vnnews.parse(legacy) != expected:
                differ.append(f"{path.name} ({name})")
            counts[name] += 1
    assert differ == []
    assert counts["TCVN3"] >= 380
    assert counts["VNI"] >= 410
