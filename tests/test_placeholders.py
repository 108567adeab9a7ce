"""No page keeps the placeholder text that `nox -s new` writes (engine/new.py). The scaffold
passes the page's own check at once, so that a contributor starts from green; `nox -s check`
then fails, naming the line, until the placeholders are replaced by the page's own words."""

from __future__ import annotations

from engine import new
from engine.plugin import ROOT


def test_no_scaffold_placeholder_is_left():
    left = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            left += [
                f"{path.relative_to(ROOT)}:{number}: the scaffold's placeholder {text!r} is "
                "still here: replace it with the page's own words (CONTRIBUTING.md, step 2)"
                for text in new.PLACEHOLDERS
                if text in line
            ]
    assert not left, "\n".join(left)


def test_the_placeholders_are_what_the_scaffold_writes():
    written = new.PAGE + new.QUESTION + new.BLANK + new.HOME_LINK
    assert [text for text in new.PLACEHOLDERS if text not in written] == []
