"""The home page lists every page of every module under the title the navigation gives it, time
to read included, so the list cannot drift from the nav."""

from __future__ import annotations

import pytest

from engine import nav
from engine.plugin import DOCS


def test_home_page_lists_every_page_with_its_nav_title():
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    pages = [(title, page) for title, page in nav.pages() if page != "index.md"]
    missing = [f"[{title}]({page})" for title, page in pages if f"[{title}]({page})" not in home]
    assert pages, "the nav lists no module pages"
    if missing:
        pytest.fail(
            "docs/index.md: the home page must link every nav page with its nav title; "
            "add or correct:\n" + "\n".join(missing),
            pytrace=False,
        )
