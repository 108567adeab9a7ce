"""Each page but the home page has a time-to-read label in the navigation, and the page's own
label agrees with it (engine/structure.py; the single-page check applies it to its page)."""

from __future__ import annotations

import pytest

from engine import nav, structure
from engine.plugin import ROOT


def test_nav_and_page_times_agree():
    problems = [p for _, page in nav.pages() for p in structure.time_label(page, ROOT)]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
