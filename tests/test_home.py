"""The home page lists every page of every module under the title the navigation gives it, time
to read included, so the list cannot drift from the nav (engine/structure.py)."""

from __future__ import annotations

import pytest

from engine import nav, structure
from engine.plugin import ROOT


def test_home_page_lists_every_page_with_its_nav_title():
    pages = [page for _, page in nav.pages() if page != "index.md"]
    assert pages, "the nav lists no module pages"
    problems = [p for page in pages for p in structure.home_link(page, ROOT)]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
