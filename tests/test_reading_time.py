"""Each page's time-to-read label agrees with the label in the navigation."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config

from engine.plugin import ROOT

NAV_TIME = re.compile(r"\((?P<minutes>\d+) min\)\s*$")
PAGE_TIME = re.compile(r'<span class="hs-time">[^<]*?(?P<minutes>\d+) min[^<]*</span>')


def nav_pages(items) -> list[tuple[str, str]]:
    """(title, page) for every page in the nav tree."""
    found = []
    for item in items:
        for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
            if isinstance(value, list):
                found += nav_pages(value)
            else:
                found.append((title or value, value))
    return found


def test_nav_and_page_times_agree():
    config = load_config(str(ROOT / "mkdocs.yml"))
    problems = []
    for title, page in nav_pages(config["nav"]):
        nav = NAV_TIME.search(title)
        if nav is None:
            continue
        # A notebook page is generated from its source in snippets/ (engine/notebooks.py).
        where = (
            f"snippets/{page[: -len('.ipynb')]}.py" if page.endswith(".ipynb") else f"docs/{page}"
        )
        text = (ROOT / where).read_text(encoding="utf-8")
        shown = PAGE_TIME.search(text)
        if shown is None:
            problems.append(f"{where}: the nav says {nav[0]}, the page has no hs-time label")
        elif shown["minutes"] != nav["minutes"]:
            line = text[: shown.start()].count("\n") + 1
            problems.append(
                f"{where}:{line}: the page says {shown['minutes']} min, "
                f"the nav title {title!r} says {nav['minutes']} min"
            )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
