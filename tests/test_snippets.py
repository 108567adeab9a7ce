"""Rules about snippets/ as a whole: every file in it is shown somewhere on the site."""

from __future__ import annotations

import pytest

from engine import notebooks
from engine.page import scan
from engine.plugin import DOCS, ROOT

SNIPPETS = ROOT / "snippets"


def included_files() -> set[str]:
    return {
        name
        for md in sorted(DOCS.rglob("*.md"))
        for fence in scan(md, ROOT).fences
        for name in fence.files
    }


def notebook_sources() -> set[str]:
    """Experiment sources: each is shown whole, as the notebook page that the nav lists."""
    return {e.rel_source for e in notebooks.experiments()}


def test_every_snippet_is_included_by_a_page():
    used = included_files() | notebook_sources()
    orphans = [
        str(path.relative_to(ROOT))
        for path in sorted(SNIPPETS.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]
    orphans = [name for name in orphans if name not in used]
    if orphans:
        pytest.fail(
            "\n".join(
                f"{name}: orphan snippet, no page in docs/ includes it and the nav in "
                "mkdocs.yml lists no notebook page made from it"
                for name in orphans
            )
            + "\nInclude each file on a page, or delete it.",
            pytrace=False,
        )


def test_every_answer_sheet_belongs_to_a_page():
    sheets = sorted((ROOT / "tests" / "answer_sheets").rglob("*.txt"))
    stale = [
        str(path.relative_to(ROOT))
        for path in sheets
        if not (DOCS / path.relative_to(ROOT / "tests" / "answer_sheets"))
        .with_suffix(".md")
        .exists()
    ]
    if stale:
        pytest.fail(
            "\n".join(f"{name}: answer sheet of a page that no longer exists" for name in stale),
            pytrace=False,
        )


def test_each_run_seeds_the_global_generators_so_an_unseeded_snippet_shows():
    """engine/run.py seeds Python's and torch's global generators with the run's seed: a
    snippet that draws without seeding prints the same at one seed and differently at another,
    which is how the second run of each block tells it from a thread-count problem."""
    from engine.run import _execute

    code = "import random\nimport torch\nprint(random.random(), torch.rand(2).tolist())\n"
    first = _execute(code, "unseeded.py", 1, 1, None)
    again = _execute(code, "unseeded.py", 1, 1, None)
    other = _execute(code, "unseeded.py", 1, 2, None)
    assert not first.error, first.error
    assert first.stdout == again.stdout
    python_a, torch_a = first.stdout.split(" ", 1)
    python_b, torch_b = other.stdout.split(" ", 1)
    assert python_a != python_b and torch_a != torch_b
