"""The scaffolds of CONTRIBUTING.md's checklist give a page, a question and a blank task that
pass the single-page check and the site-wide rules before any content is written."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from engine import forkserver
from engine.labels import number_to_words
from engine.quiz import DIFFICULTIES
from engine.run import save_runs
from test_guard import copy_project

PAGE = "docs/rnn-cell/cell.md"


def env(root: Path) -> dict[str, str]:
    return {"PYTHONPATH": str(root / "tests"), "PATH": str(Path(sys.executable).parent)}


FLOWS: dict[str, Callable] = {}  # each test's body, by the test's name (see `flow`)


def flow(body: Callable) -> Callable:
    """A test whose body runs in the background (`started`), beside the other tests' bodies:
    each forks its processes, one at a time, from a server of its own. The test waits for its
    body and fails with the body's assertion, as it would have run it itself."""
    FLOWS[body.__name__] = body

    @pytest.mark.slow
    def test(started) -> None:
        started[body.__name__].result()

    test.__name__ = test.__qualname__ = body.__name__
    test.__doc__ = body.__doc__
    return test


@pytest.fixture(scope="module")
def started(request, tmp_path_factory) -> Iterator[dict[str, Future]]:
    """The bodies of this session's tests of this file, started together, two at a time, each
    in a copy of the project of its own, with `new` (`nox -s new -- *args`) and `check`
    (`python -m pytest *args`; a block this verification has run already, unchanged, is not
    run again: engine/run.py) run there by a fork server that has imported torch and pytest
    already (engine/forkserver.py)."""
    reused = save_runs(tmp_path_factory.mktemp("runs") / "runs.json")

    def run(body: Callable) -> None:
        root = copy_project(tmp_path_factory.mktemp(body.__name__.removeprefix("test_")[:30]))
        with servers.lent() as server:

            def new(*args: str) -> subprocess.CompletedProcess:
                return server.run(root, list(args), env(root), module="engine.new")

            def check(*args: str) -> subprocess.CompletedProcess:
                args = [*args, "-q", "-p", "no:cacheprovider"]
                return server.run(root, args, {**env(root), **reused})

            body(root, new, check)

    names = [item.name for item in request.session.items if item.path == Path(__file__)]
    servers = forkserver.Servers(forkserver.WORKERS)
    try:
        with ThreadPoolExecutor(max_workers=forkserver.WORKERS) as pool:
            yield {name: pool.submit(run, FLOWS[name]) for name in names if name in FLOWS}
    finally:
        servers.close()


@flow
def test_scaffolded_page_question_and_task_pass_the_checks(root, new, check):
    steps = [
        ["page", "rnn-cell/cell", "nn.RNNCell, one step at a time", "--module", "Inside"],
        ["question", PAGE, "q-cell-shape"],
        ["blank", PAGE, "b-cell-sum"],
    ]
    for step in steps:
        made = new(*step)
        assert made.returncode == 0, f"nox -s new -- {' '.join(step)}:\n{made.stdout}{made.stderr}"
    # The time to read is written as the site's pages write it, and is the same in the nav.
    label = re.search(r'hs-time">[^<]*?(\d+) min read</span>', (root / PAGE).read_text())
    assert label, "the scaffold's label does not read 'N min read'"
    nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'one step at a time ({label[1]} min)": rnn-cell/cell.md' in nav
    checks = ["tests/test_home.py", "tests/test_reading_time.py", "tests/test_snippets.py"]
    checked = check(PAGE, *checks)
    assert checked.returncode == 0, checked.stdout[-4000:]
    assert "2 proved by execution" in checked.stdout, checked.stdout[-2000:]
    assert (root / "tests/answer_sheets/rnn-cell/cell.txt").is_file()
    # `nox -s check` fails until the placeholders are replaced, naming each line.
    left = check("tests/test_placeholders.py")
    assert left.returncode != 0, "nox -s check passes with the scaffold's placeholders"
    home = "the scaffold's placeholder 'one line on what the page teaches.' is still here"
    for place in (f"{PAGE}:5: the scaffold's placeholder", home):
        assert place in left.stdout, left.stdout[-3000:]
    # A second page with the same name is refused with a message, not overwritten.
    again = new("page", "rnn-cell/cell", "Again")
    assert again.returncode == 2 and "exists already" in again.stderr


@flow
def test_a_page_in_a_module_then_new_output_and_its_prose_in_one_update(root, new, check):
    """CONTRIBUTING's order in one pass: a page scaffolded into an existing module lands after
    its last concept page, titled like them; then its code changes what it prints and the prose
    states the new shape at once, and `nox -s update` writes the output first and checks the
    prose against it, with no placeholder in the prose to get there."""

    def module_nav() -> list[str]:
        nav = (root / "mkdocs.yml").read_text(encoding="utf-8")
        return [line.strip() for line in nav.split("\n") if "rnn-layer/" in line]

    before = module_nav()
    # Whatever concept pages the module has now (a contributor's own new page included).
    last_concept = max(i for i, entry in enumerate(before) if entry.startswith('- "Concept:'))
    page = "docs/rnn-layer/stacking.md"
    made = new("page", "rnn-layer/stacking", "stacked layers")
    assert made.returncode == 0, made.stdout + made.stderr
    entries = module_nav()
    at = next(i for i, entry in enumerate(entries) if entry.endswith(": rnn-layer/stacking.md"))
    assert entries[at].startswith('- "Concept: stacked layers ('), entries[at]
    assert entries[at - 1] == before[last_concept], entries  # after the last concept page
    assert entries[at + 1] == before[last_concept + 1], entries  # before what followed it

    example = root / "snippets/rnn-layer/stacking/example.py"
    example.write_text(example.read_text().replace("randn(2, 3)", "randn(4, 7)"))
    text = (root / page).read_text(encoding="utf-8")
    (root / page).write_text(
        text.replace("What the output shows.", "The output shows `x` as `(4, 7)`."),
        encoding="utf-8",
    )
    updated = check(page, "--update-outputs")
    assert updated.returncode == 0, updated.stdout[-4000:]
    out = root / "snippets/rnn-layer/stacking/example.out"
    assert out.read_text(encoding="utf-8") == "(4, 7)\n"
    checks = ["tests/test_home.py", "tests/test_reading_time.py", "tests/test_snippets.py"]
    checked = check(page, *checks)
    assert checked.returncode == 0, checked.stdout[-4000:]


@flow
def test_a_question_goes_among_those_of_its_difficulty_and_the_intro_counts_it(root, new, check):
    """A quiz runs from easy to hard: `--difficulty medium` puts the question after the last
    medium one, before the first hard one, and the intro's "Twelve questions" follows. A blank
    task on a practice page gets its file where the page's other tasks have theirs."""
    quiz = root / "docs/why-rnns/quiz.md"

    def questions() -> list[tuple[str, str]]:
        div = r'<div class="hs-quiz" id="([\w-]+)"[^>]*data-difficulty="(\w+)"'
        return re.findall(div, quiz.read_text(encoding="utf-8"))

    before = questions()
    intro = re.search(r"^(\w+) questions", quiz.read_text(), re.MULTILINE)[1]
    step = ["question", "docs/why-rnns/quiz.md", "q-new-medium", "--difficulty", "medium"]
    made = new(*step)
    assert made.returncode == 0, made.stdout + made.stderr
    after = questions()
    at = after.index(("q-new-medium", "medium"))
    assert after[:at] + after[at + 1 :] == before, "the other questions moved"
    assert [d for _, d in after] == sorted((d for _, d in after), key=DIFFICULTIES.index), after
    assert after[at + 1][1] == "hard" and after[at - 1][1] == "medium", after
    counted = re.search(r"^(\w+) questions", quiz.read_text(), re.MULTILINE)[1]
    assert intro == number_to_words(len(before), "A"), f"the pristine intro says {intro}"
    assert counted == number_to_words(len(after), "A"), f"the intro now says {counted}"
    # A blank task on a practice page is named as the page's other tasks are: practice/<name>.py
    # (blank_<name>.py on any other page).
    practice = "docs/why-rnns/practice.md"
    made = new("blank", practice, "b-new-task", "--difficulty", "medium")
    assert made.returncode == 0, made.stdout + made.stderr
    assert (root / "snippets/why-rnns/practice/new_task.py").is_file(), made.stdout
    assert '--8<-- "snippets/why-rnns/practice/new_task.py"' in (root / practice).read_text()
    checks = ["tests/test_reading_time.py"]
    checked = check("docs/why-rnns/quiz.md", practice, *checks)
    assert checked.returncode == 0, checked.stdout[-4000:]
