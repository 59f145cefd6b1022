"""Shared test setup: hypothesis profiles and the ``../shared`` material.

Hypothesis profiles: ``default`` (100 examples) for local runs and ``ci``
(500 examples, failing examples printed as reproduction blobs), chosen by
``CI=true``; ``HYPOTHESIS_PROFILE`` names a profile explicitly and wins.
Tests never set ``max_examples`` themselves.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

#: The checkout: the parent of ``tests/``.
REPO_ROOT = Path(__file__).resolve().parent.parent
#: True on CI, where nothing may be skipped for want of material.
IN_CI = os.environ.get("CI", "").strip().lower() == "true"

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=500, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if IN_CI else "default"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout: the corpus, reference tables and scorer.

    Skips the test where it is missing (a user testing from an sdist), except
    on CI, where a missing ``../shared`` fails the run.
    """
    path = (REPO_ROOT / ".." / "shared").resolve()
    if not path.is_dir():
        if IN_CI:
            pytest.fail(
                f"../shared is missing ({path}): CI must run with the shared material "
                "beside the checkout",
                pytrace=False,
            )
        pytest.skip(
            "../shared not found: corpus tests need the shared material beside the checkout"
        )
    return path
