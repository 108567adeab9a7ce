"""The pages listed in mkdocs.yml's nav, in order, with the titles the nav gives them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .config import site_config

ROOT = Path(__file__).resolve().parents[2]


@cache
def pages(root: Path = ROOT) -> tuple[tuple[str | None, str], ...]:
    """(title, source file in docs/) for every page; the title is None for an untitled entry."""
    found: list[tuple[str | None, str]] = []

    def walk(items) -> None:
        for item in items:
            for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
                if isinstance(value, list):
                    walk(value)  # a section: its title is not a page's
                else:
                    found.append((title, value))

    walk(site_config(root)["nav"])
    return tuple(found)
