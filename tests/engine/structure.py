"""Rules that tie one page to the rest of the site, so that the single-page check finds them:
the nav lists it with a time to read that the page repeats, the home page links it under that
same title, its snippets are ruff-clean, and its snippet folder holds no file it never shows.

tests/test_home.py, tests/test_reading_time.py and tests/test_snippets.py apply the same rules
to the whole site.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from . import nav

NAV_TIME = re.compile(r"\((?P<minutes>\d+) min\)\s*$")
PAGE_TIME = re.compile(r'<span class="hs-time">[^<]*?(?P<minutes>\d+) min[^<]*</span>')
HOME = "docs/index.md"


def nav_line(page: str, root: Path) -> int:
    """The line of mkdocs.yml that lists `page` (relative to docs/) in the nav, or 0."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    return next((n for n, line in enumerate(lines, 1) if line.rstrip().endswith(page)), 0)


def source_of(page: str) -> str:
    """Where the text of a nav page lives: a notebook page is made from snippets/…/name.py."""
    if page.endswith(".ipynb"):
        return f"snippets/{page[: -len('.ipynb')]}.py"
    return f"docs/{page}"


def nav_title(page: str, root: Path) -> str | None:
    return dict((p, t) for t, p in nav.pages(root)).get(page)


def in_nav(page: str, root: Path) -> list[str]:
    if page == "index.md" or page in {p for _, p in nav.pages(root)}:
        return []
    module = page.split("/")[0]
    return [
        f"mkdocs.yml: docs/{page} is not in the nav. Add it to its module's section, with a time "
        f'to read: - "Title (N min)": {page}   (module folder: {module}/)'
    ]


def time_label(page: str, root: Path) -> list[str]:
    """The nav title ends in "(N min)" and the page shows the same N in its hs-time label."""
    title = nav_title(page, root)
    if title is None or page == "index.md":
        return []
    where_nav = f"mkdocs.yml:{nav_line(page, root)}"
    label = NAV_TIME.search(title or "")
    if label is None:
        return [f'{where_nav}: the nav title of {page} needs a time to read, e.g. "Quiz (15 min)"']
    source = source_of(page)
    text = (root / source).read_text(encoding="utf-8")
    shown = PAGE_TIME.search(text)
    if shown is None:
        return [
            f"{source}: the nav ({where_nav}) says {label[0]}, but the page has no label; add "
            f'<span class="hs-time">:material-clock-outline: {label["minutes"]} min</span>'
        ]
    if shown["minutes"] != label["minutes"]:
        line = text[: shown.start()].count("\n") + 1
        return [
            f"{where_nav} and {source}:{line}: the nav title {title!r} says {label['minutes']} "
            f"min, the page says {shown['minutes']} min. Make them agree (the home page's link "
            "repeats the nav title)"
        ]
    return []


def home_link(page: str, root: Path) -> list[str]:
    """docs/index.md links the page under its nav title, time to read included."""
    title = nav_title(page, root)
    if title is None or page == "index.md":
        return []
    lines = (root / HOME).read_text(encoding="utf-8").split("\n")
    if any(f"[{title}]({page})" in line for line in lines):
        return []
    if time_label(page, root):
        return []  # the nav and the page disagree: that is the one to fix first
    linked = [(n, line) for n, line in enumerate(lines, 1) if f"]({page})" in line]
    if linked:
        number, line = linked[0]
        shown = re.search(rf"\[([^\]]*)\]\({re.escape(page)}\)", line)
        return [
            f"{HOME}:{number}: links {page} as {shown[1] if shown else line.strip()!r}, but its "
            f"nav title (mkdocs.yml:{nav_line(page, root)}) is {title!r}: use the nav title"
        ]
    return [
        f"{HOME}: the home page does not link {page} (docs/{page}). Add, in its module's list: "
        f"- [{title}]({page}): one line on what the page teaches"
    ]


def ruff(files: list[str], root: Path) -> list[str]:
    """ruff check and ruff format --check on these files (the lint that CI runs on snippets).

    ruff runs once per process over every .py file in snippets/ (two launches instead of two a
    page: a launch costs more than linting the whole folder); each page gets its files' lines.
    """
    if not files:
        return []
    linted, failure = _ruff_snippets(root)
    if failure:  # ruff itself failed (a bad configuration): every page says so
        return [failure]
    problems = [p for f in files if f in linted for p in linted[f]]
    return problems + _ruff_run([f for f in files if f not in linted], root)


@cache
def _ruff_snippets(root: Path) -> tuple[dict[str, list[str]], str]:
    """{file: its ruff problems} for every .py file under snippets/, and ruff's own error if it
    could not lint them (empty when it could)."""
    every = sorted(str(p.relative_to(root)) for p in (root / "snippets").rglob("*.py"))
    found: dict[str, list[str]] = {f: [] for f in every}
    for problem in _ruff_run(every, root):
        name = problem.split(":")[0]
        if name not in found:
            return found, problem
        found[name].append(problem)
    return found, ""


def _ruff_run(files: list[str], root: Path) -> list[str]:
    if not files:
        return []
    problems = []
    for command in (["check", "--output-format=concise"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *files],
            cwd=root,
            capture_output=True,
            text=True,
        )
        if run.returncode:
            lines = [line for line in run.stdout.split("\n") if line.startswith(tuple(files))]
            lines = [f"{line}  (ruff)" for line in lines] or [run.stdout.strip() or run.stderr]
            if command[0] == "format":
                lines = [
                    f"{line.split()[-1]}: not ruff-formatted; run `nox -s lint` for the diff, "
                    "or `.venv/bin/ruff format <file>`"
                    for line in run.stdout.split("\n")
                    if line.startswith("Would reformat")
                ] or lines
            problems += lines
    return problems


def orphans(page: str, shown: set[str], root: Path) -> list[str]:
    """Files in the page's own snippet folder (snippets/<module>/<page>/) that it never shows."""
    folder = root / "snippets" / Path(page).with_suffix("")
    if not folder.is_dir():
        return []
    return [
        f"{path.relative_to(root)}: orphan snippet in the folder of docs/{page}, which never "
        "includes it; include it on the page or delete it"
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and str(path.relative_to(root)) not in shown
    ]


def page_problems(page: str, shown: set[str], root: Path) -> list[str]:
    """Every rule of this module for one page (relative to docs/), e.g. why-rnns/quiz.md."""
    problems = in_nav(page, root) + time_label(page, root) + home_link(page, root)
    problems += orphans(page, shown, root)
    return problems + ruff(sorted(f for f in shown if f.endswith(".py")), root)
