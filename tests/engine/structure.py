"""Rules that tie one page to the rest of the site, so that the single-page check finds them:
the nav lists it, the home page links it under its nav title, its time to read and the counts
it states follow its content (labels.py), its snippets are ruff-clean, and its snippet folder
holds no file it never shows.

tests/test_home.py, tests/test_reading_time.py and tests/test_snippets.py apply the same rules
to the whole site.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from . import labels, nav

HOME = "docs/index.md"
TIME = re.compile(r"\s*\(\d+ min\)$")  # a title's time to read (labels.py checks it)


def nav_line(page: str, root: Path) -> int:
    """The line of mkdocs.yml that lists `page` (relative to docs/) in the nav, or 0."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    return next((n for n, line in enumerate(lines, 1) if line.rstrip().endswith(page)), 0)


def nav_title(page: str, root: Path) -> str | None:
    return dict((p, t) for t, p in nav.pages(root)).get(page)


def in_nav(page: str, root: Path) -> list[str]:
    if page == "index.md" or page in {p for _, p in nav.pages(root)}:
        return []
    module = page.split("/")[0]
    minutes = labels.measure(page, root).label
    return [
        f"mkdocs.yml: docs/{page} is not in the nav. Add it to the section of {module}/, with "
        f'the time it takes to read: - "<Title> ({minutes} min)": {page}'
    ]


def home_link(page: str, root: Path) -> list[str]:
    """docs/index.md links the page under its nav title (the time to read in both is the job
    of labels.py, which names all three places when they disagree)."""
    title = nav_title(page, root)
    if title is None or page == "index.md":
        return []
    lines = (root / HOME).read_text(encoding="utf-8").split("\n")
    link = re.compile(rf"\[(?P<title>[^\]]*)\]\({re.escape(page)}\)")
    linked = [(n, m) for n, line in enumerate(lines, 1) if (m := link.search(line))]
    if any(TIME.sub("", m["title"]) == TIME.sub("", title) for _, m in linked):
        return []
    if linked:
        number, shown = linked[0]
        return [
            f"{HOME}:{number}: links {page} as {shown['title']!r}, but its nav title "
            f"(mkdocs.yml:{nav_line(page, root)}) is {title!r}: use the nav title"
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
    problems = in_nav(page, root) + labels.problems(page, root) + home_link(page, root)
    problems += orphans(page, shown, root)
    return problems + ruff(sorted(f for f in shown if f.endswith(".py")), root)
