"""Every page's time to read is the same in its label, its nav title and its home link, and
follows CONTRIBUTING's rule; every count a page states of its own items is right
(engine/labels.py; the single-page check applies the same rules to its page)."""

from __future__ import annotations

import pytest

from engine import labels, nav
from engine.plugin import ROOT


def test_times_to_read_agree_and_follow_the_rule():
    problems = [p for _, page in nav.pages() for p in labels.time_problems(page, ROOT)]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_counts_a_page_states_of_its_items_are_right():
    counted = [c for _, page in nav.pages() for c in labels.counts(page, ROOT)]
    assert counted, "no page states a count: the check reads nothing"
    problems = [p for _, page in nav.pages() for p in labels.count_problems(page, ROOT)]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
