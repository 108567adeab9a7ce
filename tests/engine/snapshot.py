"""Reviewed snapshots: a text file kept in the repository that every run renders anew from the
pages and compares. The answer sheets (sheet.py) and the number sheets (figures.py) are two.

A run compares (`read` the file, render what it should hold); `nox -s update` rewrites it
(`write`), and the change goes through review as a `git diff`; a failure shows `diff`, the
reviewed file (-) against what the page now says (+).
"""

from __future__ import annotations

import difflib
from pathlib import Path


def read(path: Path) -> str | None:
    """The snapshot as written, or None if there is none yet."""
    return path.read_text(encoding="utf-8") if path.exists() else None


def write(path: Path, wanted: str) -> bool:
    """Make the snapshot hold `wanted` (an empty one is deleted); True if the file changed."""
    if wanted == (read(path) or ""):
        return False
    if wanted:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted, encoding="utf-8")
    else:
        path.unlink()
    return True


def diff(written: str, wanted: str, snapshot: str, page: str) -> str:
    """The unified diff from the reviewed snapshot (-) to what the page says now (+)."""
    return "\n".join(
        difflib.unified_diff(written.split("\n"), wanted.split("\n"), snapshot, page, lineterm="")
    )
