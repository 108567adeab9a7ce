"""Prove that the checks bite: inject each kind of drift into a copy of the project, run the
verification on the copy, and require a failure that names the file at fault."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from engine.plugin import ROOT

COPIED = ["docs", "snippets", "tests", "mkdocs.yml", "pyproject.toml"]
INTRO = "docs/why-rnns/quick-intro.md"
SHAPES_OUT = "snippets/why-rnns/quick-intro/shapes.out"
SAMPLE = "snippets/why-rnns/quick-intro/sample_model.py"
ZERO_STATE = "snippets/why-rnns/quick-intro/zero_state.py"
ORPHAN = "snippets/why-rnns/quick-intro/forgotten.py"


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text, f"guard case is stale: {path} no longer contains {old!r}"
        (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


def append(path: str, text: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as f:
            f.write(text)

    return mutate


def intro_length() -> int:
    return len((ROOT / INTRO).read_text(encoding="utf-8").split("\n"))


# (name, mutation, text the failure must contain)
CASES = [
    ("changed expected shape", replace(SHAPES_OUT, "(5, 1, 20)", "(5, 1, 21)"), SHAPES_OUT),
    ("changed number in a snippet", replace(SAMPLE, "3, 5", "3, 6"), SAMPLE),
    ("deleted snippet", delete(ZERO_STATE), ZERO_STATE),
    (
        "inline code block",
        append(INTRO, '\n```python\nprint("typed into the page")\n```\n'),
        # The fence opens two lines below the page's last line (a blank line comes first).
        f"{INTRO}:{intro_length() + 1}: code written inline",
    ),
    ("orphan snippet", lambda root: (root / ORPHAN).write_text('print("unused")\n'), ORPHAN),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("pristine")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, base / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, base / name)
    return base


def verify(root: Path) -> subprocess.CompletedProcess:
    """The verification of docs/ and snippets/, without the slow and site-level tests."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "docs",
            "tests/test_snippets.py",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=root,
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_pristine_copy_passes(pristine):
    run = verify(pristine)
    assert run.returncode == 0, run.stdout[-4000:]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_drift_fails_the_run(pristine, tmp_path, name, mutate, expected):
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    mutate(root)
    run = verify(root)
    assert run.returncode != 0, f"{name}: the verification passed on a broken copy"
    assert expected in run.stdout, f"{name}: the failure does not name {expected}:\n{run.stdout}"
