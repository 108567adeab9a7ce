"""Prove that the checks bite: inject each kind of drift into a copy of the project, run the
verification on the copy, and require a failure that names the file at fault."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from engine import notebooks
from engine.plugin import ROOT

# Everything loading mkdocs.yml needs (theme.custom_dir and the hooks must exist, or the
# config is refused).
COPIED = ["docs", "snippets", "tests", "overrides", "hooks", "mkdocs.yml", "pyproject.toml"]
INTRO = "docs/why-rnns/quick-intro.md"
EXPERIMENT_PAGE = "docs/why-rnns/experiment.md"
RUNNING_SUM = "snippets/why-rnns/experiment/running_sum.py"
SHAPES_OUT = "snippets/why-rnns/quick-intro/shapes.out"
SAMPLE = "snippets/why-rnns/quick-intro/sample_model.py"
ZERO_STATE = "snippets/why-rnns/quick-intro/zero_state.py"
ZERO_STATE_OUT = "snippets/why-rnns/quick-intro/zero_state.out"
ORPHAN = "snippets/why-rnns/quick-intro/forgotten.py"
QUIZ = "docs/why-rnns/quiz.md"
MODULE = "docs/why-rnns"  # every case changes a file of this module
PRACTICE = "docs/why-rnns/practice.md"


def question(page: str, question_id: str) -> re.Pattern:
    """A failure located at a line of `page` and naming the question or task."""
    return re.compile(rf"^{re.escape(page)}:\d+: (question|task) {question_id}: ", re.MULTILINE)


def replace(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert text.count(old) >= count, f"guard case is stale: {path} lacks {count}x {old!r}"
        (root / path).write_text(text.replace(old, new, count), encoding="utf-8")

    return mutate


def delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


def append(path: str, text: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as f:
            f.write(text)

    return mutate


def page_length(path: str) -> int:
    return len((ROOT / path).read_text(encoding="utf-8").split("\n"))


def figure_line(path: str, ref: str) -> int:
    """The line where `path` states the figure `ref` (data-figure="ref")."""
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if f'data-figure="{ref}"' in line)


def shift_figure(path: str, ref: str) -> Callable[[Path], None]:
    """Change the number in the first span that states `ref` by 30, as a drifted page would."""

    def mutate(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        pattern = rf'(data-figure="{re.escape(ref)}"[^>]*>[^<\d]*)(\d+(?:\.\d+)?)'
        text, count = re.subn(pattern, lambda m: m[1] + f"{float(m[2]) + 30:g}", text, count=1)
        assert count == 1, f"guard case is stale: {path} states no figure {ref}"
        (root / path).write_text(text, encoding="utf-8")

    return mutate


# (name, mutation, text the failure must contain)
CASES = [
    ("changed expected shape", replace(SHAPES_OUT, "(5, 1, 20)", "(5, 1, 21)"), SHAPES_OUT),
    ("changed number in a snippet", replace(SAMPLE, "3, 5", "3, 6"), SAMPLE),
    ("deleted snippet", delete(ZERO_STATE), ZERO_STATE),
    (
        "inline code block",
        append(INTRO, '\n```python\nprint("typed into the page")\n```\n'),
        # The fence opens two lines below the page's last line (a blank line comes first).
        f"{INTRO}:{page_length(INTRO) + 1}: code written inline",
    ),
    (
        # Markdown shows text indented four spaces as code, but no fence holds it.
        "indented code block",
        append(INTRO, '\nSome code:\n\n    print("typed into the page")\n'),
        f"{INTRO}:{page_length(INTRO) + 3}: an indented code block",
    ),
    ("orphan snippet", lambda root: (root / ORPHAN).write_text('print("unused")\n'), ORPHAN),
    (
        # `nox -s update` would write shapes.py's output over zero_state.out.
        "output block of another snippet",
        replace(INTRO, '"snippets/why-rnns/quick-intro/shapes.out"', f'"{ZERO_STATE_OUT}"'),
        re.compile(rf"^{re.escape(INTRO)}:\d+: this output block includes {ZERO_STATE_OUT}", re.M),
    ),
    (
        "flipped quiz key",
        replace(QUIZ, 'id="q-output-shape" data-key="C"', 'id="q-output-shape" data-key="B"'),
        question(QUIZ, "q-output-shape"),
    ),
    (
        "edited option text",
        replace(
            QUIZ, "1. `rnn = torch.nn.RNN(input_size=10,", "1. `rnn = torch.nn.RNN(input_size=12,"
        ),
        question(QUIZ, "q-create-layer"),
    ),
    (
        # A wrong option reworded into another wrong one: only the reviewed answer sheet sees it.
        "edited wrong option of a value question",
        replace(QUIZ, "1. `(4, 3, 2)`", "1. `(4, 3, 7)`"),
        question(QUIZ, "q-output-shape"),
    ),
    (
        "edited option of a conceptual question",
        replace(QUIZ, "3. It looks at every element at once", "3. It looks at each element once"),
        question(QUIZ, "q-why-sequences"),
    ),
    (
        # The option and the Final answer edited alike: only running the code can catch it.
        "edited key option and final answer",
        replace(QUIZ, "`(4, 2, 3)`", "`(4, 2, 5)`", count=2),
        question(QUIZ, "q-output-shape"),
    ),
    (
        "wrong blank option that works",
        replace(PRACTICE, "| 1 | `1` | `0` | `-1` | `2` |", "| 1 | `1` | `0` | `-1` | `2 - 1` |"),
        question(PRACTICE, "b-num-layers"),
    ),
    (
        "changed figure on a page",
        shift_figure(EXPERIMENT_PAGE, "running_sum:rnn_last"),
        f"{EXPERIMENT_PAGE}:{figure_line(EXPERIMENT_PAGE, 'running_sum:rnn_last')}: states",
    ),
    (
        "changed figure in a notebook's prose",
        shift_figure(RUNNING_SUM, "running_sum:current_last"),
        f"{RUNNING_SUM}:{figure_line(RUNNING_SUM, 'running_sum:current_last')}: states",
    ),
    (
        "unchecked figure on a page",
        append(EXPERIMENT_PAGE, "\nThe RNN gets 97% right.\n"),
        f"{EXPERIMENT_PAGE}:{page_length(EXPERIMENT_PAGE) + 1}: the figure '97%' is not checked",
    ),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    # Run the experiments here first (or reuse their run): the copies then find the executed
    # notebooks in docs/ and check figures against them without training again.
    for experiment in notebooks.experiments():
        notebooks.executed(experiment)
    base = tmp_path_factory.mktemp("pristine")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, base / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules")
            )
        else:
            shutil.copy2(source, base / name)
    return base


def verify(root: Path) -> subprocess.CompletedProcess:
    """The verification of the module the cases change (not every module: a run stays as fast
    as the site grows), the snippets and the experiments, without the slow and site tests."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            MODULE,
            "tests/test_snippets.py",
            "tests/test_experiments.py",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=root,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def runs(request, pristine, tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """The verification of each case this run selects, on its own broken copy, two at a time
    (each is a process of its own, and CI has two cores)."""
    selected = {
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_drift_fails_the_run"
    }

    def run(case) -> tuple[str, subprocess.CompletedProcess]:
        name, mutate, _ = case
        root = tmp_path_factory.mktemp("drift") / "project"
        shutil.copytree(pristine, root)
        mutate(root)
        return name, verify(root)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, [case for case in CASES if case[0] in selected]))


@pytest.mark.slow
def test_pristine_copy_passes(pristine):
    run = verify(pristine)
    assert run.returncode == 0, run.stdout[-4000:]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_drift_fails_the_run(runs, name, mutate, expected):
    run = runs[name]
    assert run.returncode != 0, f"{name}: the verification passed on a broken copy"
    named = (
        expected.search(run.stdout) if isinstance(expected, re.Pattern) else expected in run.stdout
    )
    assert named, f"{name}: the failure does not name {expected}:\n{run.stdout}"
