"""Golden files: compare a text dump with its stored copy; LESPAKKET_UPDATE_GOLDEN=1 rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

UPDATE_GOLDEN = bool(os.environ.get("LESPAKKET_UPDATE_GOLDEN"))


def check_golden(path: Path, text: str) -> None:
    """Fail when `text` differs from the stored file; write it when missing (and fail once) or when updating."""
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path.name} was missing and has been written; check it and run again")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; if the change is intended, run with LESPAKKET_UPDATE_GOLDEN=1"
    )
