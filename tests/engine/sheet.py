"""The reviewed answer sheet of a page: every question's options and key, as a snapshot.

A run can prove that a key is right, but it cannot notice that a wrong option was reworded into
another wrong one, or that a conceptual question's options changed. So each page with questions
has a sheet in tests/answer_sheets/ (mirroring docs/), written by `nox -s update` from the page
and compared on every run: any edit to an option or a key shows up as a located failure, and
goes through review as a `git diff` of the sheet.
"""

from __future__ import annotations

from pathlib import Path

from . import snapshot
from .page import Page
from .quiz import LETTERS, Block

SHEETS = Path("tests") / "answer_sheets"


def sheet_path(page: Page) -> Path:
    """docs/why-rnns/quiz.md -> tests/answer_sheets/why-rnns/quiz.txt"""
    return SHEETS / page.path.relative_to("docs").with_suffix(".txt")


def render(block: Block) -> list[str]:
    """One question or task, as its lines on the sheet."""
    head = f"{block.id}  key {block.key}  ({block.attrs.get('data-difficulty', '?')})"
    if block.kind == "hs-quiz":
        body = [
            f"  {'*' if letter == block.key else ' '} {letter}. {option.text}"
            for letter, option in zip(LETTERS, block.options, strict=False)
        ]
    else:
        keys = block.keys()
        body = [
            f"  blank {number}: "
            + " | ".join(
                f"{'*' if keys.get(number) == letter else ''}{letter}. {option.code or option.raw}"
                for letter, option in zip(LETTERS, options, strict=False)
            )
            for number, options in block.rows.items()
        ]
    return [head, *body]


def render_page(found: list[Block]) -> str:
    return "".join("\n".join(render(block)) + "\n\n" for block in found)


def update(page: Page, found: list[Block], root: Path) -> bool:
    """Rewrite the page's sheet from its questions (`blocks(page)`); True if the file changed."""
    return snapshot.write(root / sheet_path(page), render_page(found))


def check(page: Page, found: list[Block], root: Path) -> list[str]:
    """Located problems where the page's questions (`blocks(page)`) and its sheet disagree."""
    wanted = render_page(found)
    written = snapshot.read(root / sheet_path(page))
    if written == wanted or (written is None and not wanted):
        return []
    if not wanted:
        return [f"{sheet_path(page)}: the page {page.path} has no questions; delete this sheet"]
    if written is None:
        return [f"{page.path}: no answer sheet {sheet_path(page)} yet; run `nox -s update`"]
    before = _by_id(written or "")
    problems = []
    for block in found:
        now = "\n".join(render(block))
        if before.get(block.id) != now:
            problems.append(
                f"{block.label(page)}: its options or key differ from the reviewed answer sheet "
                f"{sheet_path(page)}. If the edit is meant, run `nox -s update` and review "
                "`git diff`.\n"
                + snapshot.diff(before.get(block.id) or "", now, "answer sheet", "page")
            )
    gone = set(before) - {block.id for block in found}
    problems += [
        f"{sheet_path(page)}: {name} is on the sheet but not on {page.path}; if you removed it "
        "on purpose, run `nox -s update`, which drops it"
        for name in gone
    ]
    return problems or [f"{sheet_path(page)}: out of date (order changed); run `nox -s update`"]


def _by_id(text: str) -> dict[str, str]:
    """Split a sheet into its entries, keyed by question or task id."""
    entries = {}
    for entry in text.strip().split("\n\n"):
        if entry.strip():
            entries[entry.split()[0]] = entry
    return entries
