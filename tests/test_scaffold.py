"""The scaffolds of CONTRIBUTING.md's checklist give a page, a question and a blank task that
pass the single-page check and the site-wide rules before any content is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from test_guard import copy_project

PAGE = "docs/rnn-cell/cell.md"


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=root,
        env={"PYTHONPATH": str(root / "tests"), "PATH": str(Path(sys.executable).parent)},
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_scaffolded_page_question_and_task_pass_the_checks(tmp_path):
    copy_project(tmp_path)
    steps = [
        ["page", "rnn-cell/cell", "nn.RNNCell, one step at a time", "--module", "Inside"],
        ["question", PAGE, "q-cell-shape"],
        ["blank", PAGE, "b-cell-sum"],
    ]
    for step in steps:
        made = run(tmp_path, "-m", "engine.new", *step)
        assert made.returncode == 0, f"nox -s new -- {' '.join(step)}:\n{made.stdout}{made.stderr}"
    checks = ["tests/test_home.py", "tests/test_reading_time.py", "tests/test_snippets.py"]
    checked = run(tmp_path, "-m", "pytest", PAGE, *checks, "-q", "-p", "no:cacheprovider")
    assert checked.returncode == 0, checked.stdout[-4000:]
    assert "2 proved by execution" in checked.stdout, checked.stdout[-2000:]
    assert (tmp_path / "tests/answer_sheets/rnn-cell/cell.txt").is_file()
    # A second page with the same name is refused with a message, not overwritten.
    again = run(tmp_path, "-m", "engine.new", "page", "rnn-cell/cell", "Again")
    assert again.returncode == 2 and "exists already" in again.stderr
