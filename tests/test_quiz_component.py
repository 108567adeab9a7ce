"""The quiz component stays small, self-contained and registered (issue 4's budget and rules).

Its behaviour is tested in a real browser in tests/site/test_quiz.py; this checks the files.
"""

from __future__ import annotations

import re

from mkdocs.config import load_config

from engine.plugin import ROOT

JS = "assets/javascripts/quiz.js"
CSS = "assets/stylesheets/quiz.css"
BUDGET = 20_000  # bytes, JS and CSS together, unminified


def test_registered_in_mkdocs_yml():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert JS in [str(script) for script in config["extra_javascript"]]
    assert CSS in config["extra_css"]


def test_under_budget():
    sizes = {name: (ROOT / "docs" / name).stat().st_size for name in (JS, CSS)}
    total = sum(sizes.values())
    assert total < BUDGET, f"quiz JS + CSS are {total} bytes ({sizes}); the budget is {BUDGET}"


def test_no_eval_no_inline_handlers_no_network():
    js = (ROOT / "docs" / JS).read_text(encoding="utf-8")
    css = (ROOT / "docs" / CSS).read_text(encoding="utf-8")
    forbidden = {
        "eval or its relatives": r"\beval\(|new Function\b|setTimeout\(\s*[\"'`]",
        "HTML from strings (use createElement)": r"innerHTML|outerHTML|insertAdjacentHTML",
        "an inline event handler": r"setAttribute\(\s*[\"'`]on|\.on[a-z]+\s*=",
        "a network request": r"\bfetch\(|XMLHttpRequest|sendBeacon|://|\bimport\(",
    }
    found = [what for what, pattern in forbidden.items() if re.search(pattern, js)]
    assert not found, f"{JS} uses {', '.join(found)}"
    assert not re.search(r"url\(|@import|://", css), f"{CSS} loads something from elsewhere"
