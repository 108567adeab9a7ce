"""Each page but the home page has a time-to-read label in the navigation, and the page's own
label agrees with it."""

from __future__ import annotations

import re

import pytest

from engine import nav
from engine.plugin import ROOT

NAV_TIME = re.compile(r"\((?P<minutes>\d+) min\)\s*$")
PAGE_TIME = re.compile(r'<span class="hs-time">[^<]*?(?P<minutes>\d+) min[^<]*</span>')


def nav_line(page: str) -> int:
    """The line of mkdocs.yml that lists `page` in the nav."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    return next((n for n, line in enumerate(lines, 1) if line.rstrip().endswith(page)), 0)


def test_nav_and_page_times_agree():
    problems = []
    for title, page in nav.pages():
        label = NAV_TIME.search(title or "")
        if label is None:
            if page != "index.md":  # every page of a module tells the reader its length
                problems.append(
                    f"mkdocs.yml:{nav_line(page)}: the nav title of {page} needs a time to read, "
                    'e.g. "Quick intro (5 min)"'
                )
            continue
        # A notebook page is generated from its source in snippets/ (engine/notebooks.py).
        where = (
            f"snippets/{page[: -len('.ipynb')]}.py" if page.endswith(".ipynb") else f"docs/{page}"
        )
        text = (ROOT / where).read_text(encoding="utf-8")
        shown = PAGE_TIME.search(text)
        if shown is None:
            problems.append(f"{where}: the nav says {label[0]}, the page has no hs-time label")
        elif shown["minutes"] != label["minutes"]:
            line = text[: shown.start()].count("\n") + 1
            problems.append(
                f"{where}:{line}: the page says {shown['minutes']} min, "
                f"the nav title {title!r} says {label['minutes']} min"
            )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
