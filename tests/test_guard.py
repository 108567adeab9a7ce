"""Prove that the checks bite: inject each kind of drift into a copy of the project, run the
verification on the copy, and require a failure that names the file at fault."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from engine import bands, forkserver, labels, notebooks
from engine.plugin import ROOT
from engine.run import save_runs

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
LAYER_QUIZ = "docs/rnn-layer/quiz.md"
SHAPES = "docs/rnn-layer/shapes.md"
LSTM_LAYERS = "docs/lstm-gru/layers.md"
LSTM_EXPERIMENT = "docs/lstm-gru/experiment.md"
CELL_STATE = "snippets/lstm-gru/experiment/cell_state.py"
LSTM_SHEET = "tests/number_sheets/docs/lstm-gru/experiment.txt"
PADDING_EXPERIMENT = "docs/variable-lengths/experiment.md"
PADDING_BANDS = "tests/bands/padding.json"
PADDING = "snippets/variable-lengths/experiment/padding.py"
PRACTICE = "docs/why-rnns/practice.md"
QUIZ_SHEET = "tests/answer_sheets/why-rnns/quiz.txt"
PRACTICE_SHEET = "tests/answer_sheets/why-rnns/practice.txt"
GATES = "docs/lstm-gru/concept.md"
RNN_CONCEPT = "docs/why-rnns/concept.md"
ATTENTION = "docs/seq2seq/attention.md"
FORECAST_EVALUATION = "docs/forecasting/evaluation.md"
FORECAST_SHEET = "tests/number_sheets/docs/forecasting/evaluation.txt"
SCAN = "docs/linear-rnns/scan.md"
MIN_RNNS = "docs/linear-rnns/min-rnns.md"


def question(page: str, question_id: str) -> re.Pattern:
    """A failure located at a line of `page` and naming the question or task."""
    return re.compile(rf"^{re.escape(page)}:\d+: (question|task) {question_id}: ", re.MULTILINE)


def replace(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert text.count(old) >= count, f"guard case is stale: {path} lacks {count}x {old!r}"
        (root / path).write_text(text.replace(old, new, count), encoding="utf-8")

    return mutate


def both(*mutations: Callable[[Path], None]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        for mutation in mutations:
            mutation(root)

    return mutate


def delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


def append(path: str, text: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as f:
            f.write(text)

    return mutate


def line_of(path: str, text: str) -> int:
    """The line of `path` where `text` first appears."""
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if text in line)


def equation(page: str, text: str, name: str, quantity: str) -> re.Pattern:
    """A failure at the line of `page` that holds `text`, naming the equation's binding and
    the quantity that differs from PyTorch."""
    return re.compile(
        rf"^{re.escape(page)}:{line_of(page, text)}: equation {name}: `.*` is not what "
        rf".+ computes: {re.escape(quantity)} differs by up to",
        re.MULTILINE,
    )


def page_length(path: str) -> int:
    return len((ROOT / path).read_text(encoding="utf-8").split("\n"))


def figure_line(path: str, ref: str) -> int:
    """The line where `path` states the figure `ref` (data-figure="ref")."""
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if f'data-figure="{ref}"' in line)


def strengthen_a_claim(path: str) -> Callable[[Path], None]:
    """Make the first claim of experiment `path` ask for more than its runs measured: its
    right side is pushed past every run (`> x` becomes `> x + 1000`, `< x` becomes `< x - 1000`)."""

    def mutate(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        found = re.search(r"^assert (.+?) ([<>]=?) (.+?), ", text, re.M)
        assert found, f"guard case is stale: {path} has no claim of the form `assert a > b, …`"
        push = " + 1000" if found[2].startswith(">") else " - 1000"
        start, end = found.span(3)
        (root / path).write_text(text[:start] + f"({found[3]}){push}" + text[end:], "utf-8")

    return mutate


def break_experiment(name: str, old: str, new: str) -> Callable[[Path], None]:
    """Edit experiment `name` as a contributor might by mistake, and re-key its band file as if
    its runs had been measured on the edited code: only the check of this run against the
    stored runs (its setup, claims and tolerances) can then catch the edit, on any CPU."""

    def mutate(root: Path) -> None:
        import json

        experiment = notebooks.by_name(name)
        replace(experiment.rel_source, old, new)(root)
        copy = notebooks.Experiment(experiment.name, experiment.page, root)
        band = root / bands.FOLDER / f"{name}.json"
        data = json.loads(band.read_text(encoding="utf-8"))
        data["code"] = notebooks.code_key(notebooks.source_notebook(copy), copy)
        band.write_text(json.dumps(data), encoding="utf-8")

    return mutate


def broken(name: str) -> re.Pattern:
    """The failure of a broken experiment: a claim that its run failed, or a setup value or a
    figure that disagrees with its band file."""
    source = re.escape(notebooks.by_name(name).rel_source)
    return re.compile(rf"^{source}(:\d+: cell \d+ raised|: this run \(.*\) disagrees)", re.M)


def move_heldout(path: str, runs: int) -> Callable[[Path], None]:
    """Move the first compared figure of `runs` held-out runs in band file `path` far outside
    its tolerance, as a sturdier-looking experiment that failed its held-out runs would."""

    def mutate(root: Path) -> None:
        import json

        data = json.loads((root / path).read_text(encoding="utf-8"))
        key = next(iter(bands.compared(data)), None)
        assert key and len(data["heldout"]) >= runs, f"guard case is stale: {path}"
        row = data["figures"][key]
        for i in range(runs):
            row["heldout"][i] = row["mean"] + 2 * row["tolerance"]
        (root / path).write_text(json.dumps(data), encoding="utf-8")

    return mutate


SPAN = re.compile(r'<span data-figure="(?P<ref>[^"]+)"(?P<flag>[^>]*)>(?P<text>[^<]*)</span>')


def first_span(path: str, flag: str = "", varying: bool = False) -> re.Match | None:
    """The first figure span in `path` whose attributes after data-figure are `flag` ("" for
    a plain value, " data-range", " data-count", ' data-bound="upper"'); with `varying`, only
    one that states a figure whose runs differ (engine/bands.py)."""
    for match in SPAN.finditer((ROOT / path).read_text(encoding="utf-8")):
        if match["flag"] != flag:
            continue
        name, _, key = match["ref"].partition(":")
        row = bands.read(name)["figures"].get(key, {}) if varying else {}
        if not varying or ("min" in row and row["min"] != row["max"]):
            return match
    return None


def span_line(path: str, match: re.Match | None) -> int:
    if match is None:
        return 0
    return (ROOT / path).read_text(encoding="utf-8")[: match.start()].count("\n") + 1


def shift_span(path: str, match: re.Match | None, by: float) -> Callable[[Path], None]:
    """Move the first number of the span `match` found in `path` by `by`."""

    def mutate(root: Path) -> None:
        assert match is not None, f"guard case is stale: {path} has no such figure span"
        replace(path, match[0], bump(match[0], by))(root)

    return mutate


def bump(text: str, by: float) -> str:
    """The text with its first number after the tag moved by `by`: '>11\u201343%' -> '>12…'."""
    return re.sub(r">(\d+(?:\.\d+)?)", lambda m: f">{float(m[1]) + by:g}", text, count=1)


EXPERIMENT_PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*/experiment.md"))
PLAIN = first_span(EXPERIMENT_PAGE, varying=True)
NOTEBOOK_PLAIN = first_span(RUNNING_SUM, varying=True)
RANGE = first_span(PADDING_EXPERIMENT, " data-range")
COUNTED = next(
    ((page, m) for page in EXPERIMENT_PAGES if (m := first_span(page, " data-count"))),
    (PADDING_EXPERIMENT, None),
)
BOUNDED = next(
    ((page, m) for page in EXPERIMENT_PAGES if (m := first_span(page, ' data-bound="upper"'))),
    (PADDING_EXPERIMENT, None),
)


def without(path: str, pattern: str, text: str) -> Callable[[Path], None]:
    """Replace every span of `path` that matches `pattern` by `text`."""

    def mutate(root: Path) -> None:
        page = (root / path).read_text(encoding="utf-8")
        page, count = re.subn(pattern, text, page)
        assert count, f"guard case is stale: {path} has no span matching {pattern}"
        (root / path).write_text(page, encoding="utf-8")

    return mutate


def shift_figure(path: str, ref: str) -> Callable[[Path], None]:
    """Change the number in the first span that states `ref` by 30, as a drifted page would."""

    def mutate(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        pattern = rf'(data-figure="{re.escape(ref)}"[^>]*>[^<\d]*)(\d+(?:\.\d+)?)'
        text, count = re.subn(pattern, lambda m: m[1] + f"{float(m[2]) + 30:g}", text, count=1)
        assert count == 1, f"guard case is stale: {path} states no figure {ref}"
        (root / path).write_text(text, encoding="utf-8")

    return mutate


def shift_nav_time(page: str) -> Callable[[Path], None]:
    """Add five minutes to the time to read in the nav title of `page`, and nowhere else."""

    def mutate(root: Path) -> None:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        pattern = rf"\((\d+) min\)(\"?:\s+{re.escape(page)})"
        text, count = re.subn(pattern, lambda m: f"({int(m[1]) + 5} min){m[2]}", text, count=1)
        assert count == 1, f"guard case is stale: the nav has no time label for {page}"
        (root / "mkdocs.yml").write_text(text, encoding="utf-8")

    return mutate


def key_moved(page: str, sheet: str, question_id: str, letter: str) -> Callable[[Path], None]:
    """Swap the key's option of `question_id` with option `letter`, and make data-key and the
    answer sheet follow: the question stays right, only the position of its key moves."""

    def swap(lines: list[str], first: int, pattern: str, old: int, new: int) -> None:
        rows = [n for n in range(first, len(lines)) if re.match(pattern, lines[n])][:4]
        a, b = rows[old], rows[new]
        text = {n: re.sub(pattern, "", lines[n]) for n in (a, b)}
        prefix = {n: re.match(pattern, lines[n])[0] for n in (a, b)}
        lines[a], lines[b] = prefix[a] + text[b], prefix[b] + text[a]

    def mutate(root: Path) -> None:
        lines = (root / page).read_text(encoding="utf-8").split("\n")
        start = next(n for n, line in enumerate(lines) if f'id="{question_id}"' in line)
        key = re.search(r'data-key="([A-D])"', lines[start])[1]
        old, new = "ABCD".index(key), "ABCD".index(letter)
        lines[start] = lines[start].replace(f'data-key="{key}"', f'data-key="{letter}"')
        swap(lines, start, r"^\d\. ", old, new)
        (root / page).write_text("\n".join(lines), encoding="utf-8")
        rows = (root / sheet).read_text(encoding="utf-8").split("\n")
        start = next(n for n, line in enumerate(rows) if line.startswith(f"{question_id} "))
        rows[start] = rows[start].replace(f"key {key}", f"key {letter}")
        swap(rows, start + 1, r"^  [* ] [A-D]\. ", old, new)
        for n in range(start + 1, start + 5):  # the star marks the key's row
            rows[n] = ("  * " if rows[n][4] == letter else "    ") + rows[n][4:]
        (root / sheet).write_text("\n".join(rows), encoding="utf-8")

    return mutate


def shift_time(page: str, minutes: int) -> Callable[[Path], None]:
    """Add `minutes` to the time to read of `page` in all three places that show it (its label,
    its nav title, its home link), so that they still agree."""

    def mutate(root: Path) -> None:
        for place in labels.places(page, root).values():
            assert place, f"guard case is stale: {page} does not show its time in three places"
            lines = (root / place.path).read_text(encoding="utf-8").split("\n")
            line, (start, end) = lines[place.line - 1], place.span
            lines[place.line - 1] = f"{line[:start]}{place.minutes + minutes}{line[end:]}"
            (root / place.path).write_text("\n".join(lines), encoding="utf-8")

    return mutate


def blank_key_moved(
    page: str, sheet: str, task_id: str, blank: int, letter: str
) -> Callable[[Path], None]:
    """Swap the key's option of one blank of `task_id` with option `letter` (two cells of its
    table row), and make data-key and the answer sheet follow: the task stays right, only the
    position of that blank's key moves."""

    def mutate(root: Path) -> None:
        lines = (root / page).read_text(encoding="utf-8").split("\n")
        start = next(n for n, line in enumerate(lines) if f'id="{task_id}"' in line)
        key = re.search(rf'data-key="[^"]*\b{blank}=([A-D])', lines[start])[1]
        old, new = "ABCD".index(key), "ABCD".index(letter)
        lines[start] = lines[start].replace(f"{blank}={key}", f"{blank}={letter}", 1)
        row = next(n for n in range(start, len(lines)) if lines[n].startswith(f"| {blank} |"))
        cells = lines[row].split("|")  # "", " 1 ", " `A` ", …, ""
        cells[2 + old], cells[2 + new] = cells[2 + new], cells[2 + old]
        lines[row] = "|".join(cells)
        (root / page).write_text("\n".join(lines), encoding="utf-8")
        rows = (root / sheet).read_text(encoding="utf-8").split("\n")
        start = next(n for n, line in enumerate(rows) if line.startswith(f"{task_id} "))
        rows[start] = rows[start].replace(f"{blank}={key}", f"{blank}={letter}", 1)
        row = next(n for n in range(start, len(rows)) if rows[n].startswith(f"  blank {blank}: "))
        head, _, body = rows[row].partition(": ")
        texts = [re.sub(r"^\*?[A-D]\. ", "", cell) for cell in body.split(" | ")]
        texts[old], texts[new] = texts[new], texts[old]
        rows[row] = f"{head}: " + " | ".join(
            f"{'*' if n == new else ''}{'ABCD'[n]}. {text}" for n, text in enumerate(texts)
        )
        (root / sheet).write_text("\n".join(rows), encoding="utf-8")

    return mutate


QUIZ_QUESTIONS = (ROOT / QUIZ).read_text(encoding="utf-8").count('class="hs-quiz"')
QUIZ_COUNT = f"{labels.number_to_words(QUIZ_QUESTIONS, 'A')} questions"
NOTEBOOKS = len(labels.module_notebooks("why-rnns/experiment.md", ROOT))
HOME_NOTEBOOKS = f"with {labels.number_to_words(NOTEBOOKS, 'x')} notebooks"
# Many words, none a number or a shape: a page that grew by ten minutes of reading.
GROWN = "\n" + "A reader who reads this sentence learns nothing new about it at all. " * 100 + "\n"

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
        # The .out rule must not speak first: the .py is what is missing.
        "mistyped include of a snippet",
        replace(INTRO, "quick-intro/shapes.py", "quick-intro/shape.py"),
        re.compile(rf"^{re.escape(INTRO)}:\d+: missing include: .*quick-intro/shape\.py", re.M),
    ),
    (
        "nav time label changed",
        shift_nav_time("why-rnns/quiz.md"),
        re.compile(
            rf"^{re.escape(QUIZ)}:\d+: the time to read differs between the page "
            rf"\({re.escape(QUIZ)}:\d+: \d+ min\), its nav title \(mkdocs\.yml:\d+: \d+ min\)",
            re.M,
        ),
    ),
    # What a page says about itself: its time to read and its counts (engine/labels.py)
    (
        "time to read far off the rule, in all three places",
        shift_time("why-rnns/concept.md", 20),
        re.compile(rf"^{re.escape(RNN_CONCEPT)}:3: says \d+ min, but by CONTRIBUTING's rule", re.M),
    ),
    (
        "page grown by ten minutes, its label left",
        append(RNN_CONCEPT, GROWN),
        re.compile(rf"^{re.escape(RNN_CONCEPT)}:3: says \d+ min, but by CONTRIBUTING's rule", re.M),
    ),
    (
        # Fixed by the experiment page's update, which rewrites its notebooks' labels.
        "notebook's time far off the rule",
        shift_time("why-rnns/experiment/running_sum.ipynb", 20),
        re.compile(
            rf"^{re.escape(RUNNING_SUM)}:4: says \d+ min, but by CONTRIBUTING's rule.*"
            rf"Run `nox -s update -- {re.escape(EXPERIMENT_PAGE)}`",
            re.M,
        ),
    ),
    (
        "count of questions in a quiz's intro",
        replace(QUIZ, QUIZ_COUNT, f"{labels.number_to_words(QUIZ_QUESTIONS - 1, 'A')} questions"),
        f"{QUIZ}:{line_of(QUIZ, QUIZ_COUNT)}: says "
        f"'{labels.number_to_words(QUIZ_QUESTIONS - 1, 'A')} questions', but there are "
        f"{QUIZ_QUESTIONS} questions",
    ),
    (
        "count of notebooks on the home page",
        replace("docs/index.md", HOME_NOTEBOOKS, "with three notebooks"),
        f"docs/index.md:{line_of('docs/index.md', HOME_NOTEBOOKS)}: says 'with three "
        f"notebooks', but there are {NOTEBOOKS} notebook links listed under it",
    ),
    (
        "count of notebooks in an experiment page's label",
        replace(EXPERIMENT_PAGE, "with both notebooks</span>", "with the notebook</span>"),
        f"{EXPERIMENT_PAGE}:3: says 'with the notebook', but there are {NOTEBOOKS} notebooks of "
        "why-rnns/ in the nav",
    ),
    (
        # A section runs alone: the message says to move what it needs inside it.
        "section that needs an import from outside it",
        replace(
            "snippets/why-rnns/quiz/output_shape.py",
            "# --8<-- [start:question]\nimport torch\nfrom torch import nn\n",
            "import torch\nfrom torch import nn\n\n# --8<-- [start:question]\n",
        ),
        re.compile(
            rf"^{re.escape(QUIZ)}:\d+ \(snippets/why-rnns/quiz/output_shape\.py:question\): the "
            r"code raised.*NameError.*the section 'question' runs on its own. Move the imports",
            re.M | re.S,
        ),
    ),
    (
        # The fix is to move the print out of the section, not to show its output under the
        # question (which would show the answer).
        "print inside a question's section",
        replace(
            "snippets/why-rnns/quiz/output_shape.py",
            "output, h_n = rnn(x)\n# --8<-- [end:question]",
            "output, h_n = rnn(x)\nprint(tuple(output.shape))\n# --8<-- [end:question]",
        ),
        re.compile(
            rf"^{re.escape(QUIZ)}:\d+ \(snippets/why-rnns/quiz/output_shape\.py:question\): the "
            r"code the question q-output-shape shows above its options prints, .* Move the print "
            r"out of the section",
            re.M,
        ),
    ),
    # Numbers and shapes in running text (engine/prose.py)
    (
        "shape restated in a worked solution",
        replace(LAYER_QUIZ, "= `(5, 6)`", "= `(5, 7)`"),
        re.compile(rf"^{re.escape(LAYER_QUIZ)}:\d+: '\(5, 7\)' in running text", re.M),
    ),
    (
        "shape in a concept page's prose",
        replace(SHAPES, "the rows with `(5, 10)`", "the rows with `(5, 12)`"),
        re.compile(rf"^{re.escape(SHAPES)}:\d+: '\(5, 12\)' in running text", re.M),
    ),
    (
        # Only a cited paper's year is exempt inside <cite>; any other number is still bound.
        "number other than a year in a citation",
        replace(
            ATTENTION, 'Translate", ICLR 2015</cite>', 'Translate", ICLR 2015, 15 pages</cite>'
        ),
        re.compile(
            rf"^{re.escape(ATTENTION)}:{line_of(ATTENTION, 'ICLR 2015</cite>')}: '15' in running "
            "text is bound to nothing that runs",
            re.M,
        ),
    ),
    (
        # 3 is in the task's code too: only the reviewed number sheet sees the change.
        "number changed to another the code also has",
        replace(PRACTICE, "the 5 \u00d7 5 matrix", "the 5 \u00d7 3 matrix"),
        re.compile(
            rf"^{re.escape(PRACTICE)}:\d+: in (section|task) .*the numbers it states differ "
            "from its reviewed number sheet",
            re.M,
        ),
    ),
    (
        # 10 is in the code (input_size=10), but not as hidden_size.
        "named size in prose",
        replace(
            LSTM_LAYERS, "For one layer, an RNN holds", "With `hidden_size` (10), an RNN holds"
        ),
        re.compile(rf"^{re.escape(LSTM_LAYERS)}:\d+: 'hidden_size 10' in running text", re.M),
    ),
    (
        # A comment that an update of the code left behind (engine/prose.py, rule 3).
        "comment stating a size the code lacks",
        replace(
            SAMPLE,
            "input_size, hidden_size = 3, 5\n",
            "input_size, hidden_size = 3, 5  # 3 features in, 6 hidden units\n",
        ),
        f"{SAMPLE}:7: the comment says 6, but the code has no 6",
    ),
    (
        "comment stating a shape",
        replace(SAMPLE, "# explicit: start with an empty memory", "# (1, 1, 5): an empty memory"),
        f"{SAMPLE}:12: the comment states the shape (1, 1, 5)",
    ),
    (
        "setup value on an experiment page",
        shift_figure(LSTM_EXPERIMENT, "cell_state:hidden_units"),
        f"{LSTM_EXPERIMENT}:{figure_line(LSTM_EXPERIMENT, 'cell_state:hidden_units')}: states",
    ),
    (
        "plain number on an experiment page",
        append(LSTM_EXPERIMENT, "\nEach model trained for 40 epochs.\n"),
        f"{LSTM_EXPERIMENT}:{page_length(LSTM_EXPERIMENT) + 1}: '40' in running text",
    ),
    (
        "plain number in a notebook's prose",
        append(CELL_STATE, "\n# %% [markdown]\n# The model trains for 12 epochs.\n"),
        f"{CELL_STATE}:{page_length(CELL_STATE) + 2}: '12' in the notebook's prose",
    ),
    (
        "an attribute figure spans do not take",
        replace(
            LSTM_EXPERIMENT, '"cell_state:hidden_units"', '"cell_state:hidden_units" data-tol="1"'
        ),
        f"{LSTM_EXPERIMENT}:{figure_line(LSTM_EXPERIMENT, 'cell_state:hidden_units')}: a figure "
        "span takes data-figure and at most one of data-range, data-count and data-bound, not "
        "data-tol",
    ),
    (
        "figure re-pointed to another result",
        replace(LSTM_EXPERIMENT, '"cell_state:hidden_units"', '"cell_state:digits_n"'),
        f"{LSTM_EXPERIMENT}:{figure_line(LSTM_EXPERIMENT, 'cell_state:hidden_units')}: the span "
        "cites cell_state:digits_n, but 'digits' appears neither",
    ),
    (
        # Still true (an upper bound raised holds too), so only the reviewed sheet can see it.
        "bound loosened",
        shift_span(*BOUNDED, 1),
        f"{BOUNDED[0]}:{span_line(*BOUNDED)}: in the span of "
        f"{BOUNDED[1]['ref'] if BOUNDED[1] else '(no bounded span left)'}, the numbers it states "
        "differ from its reviewed number sheet",
    ),
    # Rules that tie a page to the site, caught by the single-page check (engine/structure.py)
    (
        "page left out of the nav",
        replace("mkdocs.yml", "      - Quick intro (7 min): why-rnns/quick-intro.md\n", ""),
        f"mkdocs.yml: {INTRO} is not in the nav",
    ),
    (
        "page left off the home page",
        replace(
            "docs/index.md", "- [Quick intro (7 min)](why-rnns/quick-intro.md)", "- Quick intro"
        ),
        f"docs/index.md: the home page does not link why-rnns/quick-intro.md ({INTRO})",
    ),
    (
        "snippet that ruff refuses",
        replace(SAMPLE, "import torch\n", "import os\nimport torch\n"),
        f"{SAMPLE}:1:8: F401",
    ),
    (
        "flipped quiz key",
        replace(QUIZ, 'id="q-output-shape" data-key="C"', 'id="q-output-shape" data-key="B"'),
        question(QUIZ, "q-output-shape"),
    ),
    (
        # Each question stays right (key, proof and sheet agree); only the keys pile up on C.
        "quiz keys piled on one letter",
        both(
            key_moved(QUIZ, QUIZ_SHEET, "q-batch-first-shape", "C"),
            key_moved(QUIZ, QUIZ_SHEET, "q-next-word", "C"),
            key_moved(QUIZ, QUIZ_SHEET, "q-hidden-batch", "C"),
        ),
        re.compile(
            rf"^{re.escape(QUIZ)}:\d+: 6 of the 12 questions have the key C \(.*\); at most 5 may",
            re.M,
        ),
    ),
    (
        # The task stays right (key, proof and sheet agree); only one more blank's key is B.
        "practice keys piled on one letter",
        blank_key_moved(PRACTICE, PRACTICE_SHEET, "b-initial-hidden", 1, "B"),
        re.compile(
            rf"^{re.escape(PRACTICE)}:\d+: 5 of the 10 blanks have the key B \(.*\); at most 4 may",
            re.M,
        ),
    ),
    (
        "edited option text",
        replace(QUIZ, "1. `rnn = torch.nn.RNN(10, 20)`", "1. `rnn = torch.nn.RNN(12, 20)`"),
        question(QUIZ, "q-create-layer"),
    ),
    (
        # A wrong option reworded into another wrong one: only the reviewed answer sheet sees it.
        "edited wrong option of a value question",
        replace(QUIZ, "1. `(4, 2, 5)`", "1. `(4, 2, 7)`"),
        question(QUIZ, "q-output-shape"),
    ),
    (
        "edited option of a conceptual question",
        replace(
            QUIZ,
            "3. It applies one weight matrix to each step",
            "3. It applies one matrix to each step",
        ),
        question(QUIZ, "q-why-sequences"),
    ),
    (
        # The key's option and the answer sheet edited alike: only running the code catches it.
        "edited key option and its answer sheet",
        both(
            replace(QUIZ, "3. `(4, 2, 3)`", "3. `(4, 2, 6)`"),
            replace(QUIZ_SHEET, "* C. (4, 2, 3)", "* C. (4, 2, 6)"),
        ),
        re.compile(
            rf"^{re.escape(QUIZ)}:\d+: question q-output-shape: data-key is C \('\(4, 2, 6\)'\), "
            r"but the last line the code prints is '\(4, 2, 3\)'",
            re.M,
        ),
    ),
    (
        "wrong blank option that works",
        both(
            replace(PRACTICE, "| 1 | `1` | `2` | `3` | `6` |", "| 1 | `1` | `2` | `3` | `1 + 1` |"),
            replace(PRACTICE_SHEET, "D. 6", "D. 1 + 1"),
        ),
        re.compile(
            rf"^{re.escape(PRACTICE)}:\d+: task b-num-layers: "
            r"blank 1 = D \(1 \+ 1\) prints exactly",
            re.M,
        ),
    ),
    # Display equations, evaluated from their LaTeX against PyTorch (engine/equations.py)
    (
        "GRU update with z_t and 1 - z_t swapped",
        replace(
            GATES,
            r"h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}",
            r"h_t &= z_t \odot n_t + (1 - z_t) \odot h_{t-1}",
        ),
        equation(GATES, r"h_t &= (1 - z_t) \odot n_t", "gru", "h_t"),
    ),
    (
        "GRU reset product without b_hn",
        replace(GATES, r"r_t \odot (W_{hn} h_{t-1} + b_{hn})", r"r_t \odot (W_{hn} h_{t-1})"),
        equation(GATES, r"n_t &= \tanh", "gru", "n_t"),
    ),
    (
        "LSTM candidate with sigma for tanh",
        replace(GATES, r"g_t &= \tanh(W_{ig}", r"g_t &= \sigma(W_{ig}"),
        equation(GATES, r"g_t &= \tanh(W_{ig}", "lstm", "g_t"),
    ),
    (
        "attention softmax over the target, not the source",
        replace(ATTENTION, r"{\sum_{k=1}^{S} \exp(e_{tk})}", r"{\sum_{k=1}^{T} \exp(e_{kj})}"),
        equation(ATTENTION, r"\alpha_{tj} = \frac", "dot-attention", r"\alpha_{tj}"),
    ),
    (
        "additive attention with W_s and W_h swapped",
        replace(ATTENTION, r"\tanh(W_s s_t + W_h h_j)", r"\tanh(W_h s_t + W_s h_j)"),
        equation(ATTENTION, r"e_{tj} = v^\top", "additive-attention", "e_{tj}"),
    ),
    (
        "LSTM direct path through the input gate",
        replace(GATES, r"\operatorname{diag}(f_t) \qquad", r"\operatorname{diag}(i_t) \qquad"),
        equation(
            GATES,
            r"\frac{\partial c_t}{\partial c_{t-1}}",
            "lstm-direct-path",
            r"\frac{\partial c_t}{\partial c_{t-1}}",
        ),
    ),
    (
        "scan composition rule with the steps in the wrong order",
        replace(SCAN, r"\hat{b} &= a_2 \odot b_1 + b_2", r"\hat{b} &= a_1 \odot b_2 + b_1"),
        equation(SCAN, r"\hat{b} &= a_2 \odot b_1 + b_2", "scan-combine", r"\hat{b}"),
    ),
    (
        "minGRU update with z_t and 1 - z_t swapped",
        replace(
            MIN_RNNS,
            r"h_t &= (1 - z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t",
            r"h_t &= z_t \odot h_{t-1} + (1 - z_t) \odot \tilde{h}_t",
        ),
        equation(MIN_RNNS, r"h_t &= (1 - z_t) \odot h_{t-1}", "min-gru", "h_t"),
    ),
    # The number sheet lists the numbers in equations too: these edits drop a 1 from it, and
    # `nox -s update` would rewrite it; the equation still fails.
    (
        "standard deviation divided by n, not n - 1",
        both(
            replace(FORECAST_EVALUATION, r"\frac{1}{n-1} \sum", r"\frac{1}{n} \sum"),
            replace(FORECAST_SHEET, "only': 1 1 1 1 1 2 1", "only': 1 1 1 1 2 1"),
        ),
        equation(FORECAST_EVALUATION, r"\sigma &= \sqrt", "z-score", r"\sigma"),
    ),
    (
        "seasonal naive forecast one step late",
        both(
            replace(FORECAST_EVALUATION, r"\hat{y}_{t+1} = y_{t+1-m}", r"\hat{y}_{t+1} = y_{t-m}"),
            replace(FORECAST_SHEET, "beat': 1 1 1 1", "beat': 1 1 1"),
        ),
        equation(
            FORECAST_EVALUATION, r"\hat{y}_{t+1} = y_{t+1-m}", "seasonal-naive", r"\hat{y}_{t+1}"
        ),
    ),
    (
        "display equation without a marker",
        append(RNN_CONCEPT, "\n$$\nh_t = W_{hh} h_{t-1}\n$$\n"),
        f"{RNN_CONCEPT}:{page_length(RNN_CONCEPT) + 1}: this display equation has no marker",
    ),
    (
        "changed median on a page",
        shift_span(EXPERIMENT_PAGE, PLAIN, 30),
        f"{EXPERIMENT_PAGE}:{span_line(EXPERIMENT_PAGE, PLAIN)}: states",
    ),
    (
        "changed median in a notebook's prose",
        shift_span(RUNNING_SUM, NOTEBOOK_PLAIN, 30),
        f"{RUNNING_SUM}:{span_line(RUNNING_SUM, NOTEBOOK_PLAIN)}: states",
    ),
    (
        "unchecked figure on a page",
        append(EXPERIMENT_PAGE, "\nThe RNN gets 97% right.\n"),
        f"{EXPERIMENT_PAGE}:{page_length(EXPERIMENT_PAGE) + 1}: the figure '97%' is not checked",
    ),
    (
        "range narrower than the runs",
        shift_span(PADDING_EXPERIMENT, RANGE, 1),
        f"{PADDING_EXPERIMENT}:{span_line(PADDING_EXPERIMENT, RANGE)}: states the range",
    ),
    (
        "count of runs where a claim held, changed",
        shift_span(*COUNTED, 1),
        f"{COUNTED[0]}:{span_line(*COUNTED)}: states",
    ),
    (
        "varying figure without its range",
        without(PADDING_EXPERIMENT, r'<span data-figure="[^"]+" data-range>[^<]*</span>', "?"),
        re.compile(rf"{PADDING_EXPERIMENT}:\d+: padding:\w+ moves from .* over the runs"),
    ),
    (
        "varying figures without the number of runs",
        without(PADDING_EXPERIMENT, r'<span data-figure="padding:runs">\d+</span>', "many"),
        f"{PADDING_EXPERIMENT} states figures of padding that vary from run to run, but never "
        "how many runs",
    ),
    (
        "band file measured on other code",
        replace(PADDING_BANDS, '"code": "', '"code": "0'),
        "tests/bands/padding.json was measured on other code, data or library versions than "
        "snippets/variable-lengths/experiment/padding.py",
    ),
    (
        # The claims are left out of the code key: a claim edited is checked against the runs.
        "claim that the stored runs break",
        strengthen_a_claim(PADDING),
        re.compile(rf'^{re.escape(PADDING)}:\d+: "[^"]+" failed in \d+ of \d+ stored runs', re.M),
    ),
    # An experiment broken by an edit, on a machine whose runs are in no band file: the band
    # file is re-keyed as if measured on the edited code, so only this run's claims, setup and
    # tolerances can catch it.
    (
        "experiment trained on the wrong loss (the input's last value as the target)",
        break_experiment(
            "forecast_baselines",
            "mse_loss(model(train_x[batch]), train_y[batch])",
            "mse_loss(model(train_x[batch]), train_x[batch, -1:])",
        ),
        broken("forecast_baselines"),
    ),
    (
        "packing removed: the packed model reads the state after the padding",
        break_experiment(
            "padding",
            "packed = pack_padded_sequence(steps, lengths, batch_first=True, enforce_sorted=False)",
            "packed = steps",
        ),
        broken("padding"),
    ),
    (
        "epochs halved",
        break_experiment("truncation", "EPOCHS = 4", "EPOCHS = 2"),
        broken("truncation"),
    ),
    (
        "attention switched off in the attentional model",
        break_experiment(
            "reverse_attention", "Seq2Seq(attention=True)", "Seq2Seq(attention=False)"
        ),
        broken("reverse_attention"),
    ),
    (
        "held-out runs that missed the goal",
        move_heldout(PADDING_BANDS, 2),
        re.compile(rf"^  {re.escape(PADDING_BANDS)}: \w+ seed \d+: \w+ = ", re.M),
    ),
]


REUSED: dict[str, str] = {}  # the environment that lets the copies reuse this run's runs
# The runs of the edited experiments, by fingerprint (engine/notebooks.py, STORE): the cases
# that train do so once per edit and CPU, not in every verification (gitignored, like docs/'s
# executed notebooks). Pruned of what a whole run of the guard no longer uses.
TRAINED = ROOT / ".cache" / "guard-runs"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    # Run the experiments here first (or reuse their run): the copies then find the executed
    # notebooks in docs/ and check figures against them without training again.
    for experiment in notebooks.experiments():
        notebooks.executed(experiment)
    # The blocks this verification has run already (all of docs/, in a whole run): a copy runs
    # for real only what its mutation changed (engine/run.py).
    REUSED.update(save_runs(tmp_path_factory.mktemp("runs") / "runs.json"))
    REUSED[notebooks.STORE] = str(TRAINED)
    return copy_project(tmp_path_factory.mktemp("pristine"))


def copy_project(target: Path) -> Path:
    """Copy into `target` what the verification reads (COPIED); tests/test_scaffold.py too."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "node_modules")
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def verify(
    root: Path, *targets: str, server: forkserver.Server | None = None
) -> subprocess.CompletedProcess:
    """The verification of some pages or tests (by default all of docs/ and snippets/), in a
    pytest process of its own: forked by `server` (torch and pytest imported already), or
    started from nothing."""
    targets = targets or ("docs", "tests/test_snippets.py", "tests/test_experiments.py")
    args, env = [*targets, "-q", "-p", "no:cacheprovider"], {**os.environ, **REUSED}
    if server:
        return server.run(root, args, env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args], cwd=root, env=env, capture_output=True, text=True
    )


def checked_by(name: str, expected) -> str:
    """What a contributor would run to see this failure: the single-page check of the page the
    case breaks (a notebook's prose is checked by tests/test_experiments.py)."""
    text = expected.pattern if isinstance(expected, re.Pattern) else expected
    text = text.replace("\\", "")
    pages = re.findall(r"docs/[\w/-]+\.md", text)
    for page in [p for p in pages if p != "docs/index.md"] + pages:  # the home page names others
        return page
    if "/experiment/" in text or "tests/bands/" in text:
        return "tests/test_experiments.py"
    snippet = re.search(r"snippets/(?P<page>[\w-]+/[\w-]+)/", text)
    assert snippet, f"guard case {name!r}: say which page shows the failure"
    return f"docs/{snippet['page']}.md"


def narrowed(check: str, expected) -> list[str]:
    """The check, less the other experiments' tests when the failure names one experiment's
    source (`-k <its name>`, as a contributor would narrow it): the tests of ten experiments
    took 2 s, one's under 1 s. The control runs them all."""
    text = (expected.pattern if isinstance(expected, re.Pattern) else expected).replace("\\", "")
    names = [e.name for e in notebooks.experiments() if e.rel_source in text]
    if check == "tests/test_experiments.py" and len(names) == 1:
        return [check, "-k", names[0]]
    return [check]


CONTROL = "(the unbroken copy)"  # the control, verified in the same pool as the cases


def trains(case) -> bool:
    """Whether the case's check trains an edited experiment (tens of seconds, not one, unless
    TRAINED keeps its run)."""
    return case[1].__qualname__.startswith(break_experiment.__name__)


def drift_tests(session) -> set[str]:
    """The cases whose test_drift_fails_the_run this session runs."""
    return {
        item.callspec.params["name"]
        for item in session.items
        if getattr(item, "originalname", "") == "test_drift_fails_the_run"
    }


class Progress:
    """Writes to the terminal while a fixture runs (pytest shows nothing until a test ends), from
    any thread; nothing when pytest has no terminal reporter."""

    def __init__(self, config: pytest.Config):
        self.reporter = config.pluginmanager.get_plugin("terminalreporter")
        self.capture = config.pluginmanager.get_plugin("capturemanager")
        self.lock = threading.Lock()
        self.start = time.perf_counter()

    def write(self, text: str) -> None:
        if self.reporter is None:
            return
        uncaptured = self.capture.global_and_fixture_disabled() if self.capture else None
        with self.lock, uncaptured or contextlib.nullcontext():
            self.reporter.write(text, flush=True)


class Stale(Exception):
    """A case's edit no longer applies to the project (test_every_case_still_applies)."""


@pytest.fixture(scope="module")
def runs(request, pristine, tmp_path_factory) -> dict[str, subprocess.CompletedProcess | Stale]:
    """Each selected case verified on its own broken copy, and the control (CONTROL: every
    check the cases run, on the unbroken copy), each in a process of its own, two at a time
    (CI has two cores). The cases that train go first, then the control, so that no worker is
    left with a long one at the end. Each worker forks its processes from a server that has
    imported torch and pytest once (engine/forkserver.py), instead of paying for those imports
    in every case. A case whose edit no longer applies is recorded as Stale, not run. The
    terminal shows a dot as each case ends: the cases take about a minute when the edited
    experiments train, and a quarter of that when their runs are kept already (TRAINED)."""
    selected = drift_tests(request.session)
    cases = sorted((case for case in CASES if case[0] in selected), key=trains, reverse=True)
    at = sum(map(trains, cases))
    cases.insert(at, (CONTROL, None, None))

    def run(case) -> tuple[str, subprocess.CompletedProcess | Stale]:
        name, mutate, expected = case
        root = tmp_path_factory.mktemp("drift") / "project"
        shutil.copytree(pristine, root)  # the control too: others copy pristine meanwhile
        try:
            if mutate is None:
                checks = sorted({checked_by(name, expected) for name, _, expected in CASES})
            else:
                try:
                    mutate(root)
                except (AssertionError, OSError) as err:
                    return name, Stale(str(err))
                checks = narrowed(checked_by(name, expected), expected)
            with servers.lent() as server:
                return name, verify(root, *checks, server=server)
        finally:
            progress.write(".")  # a stale case too: one dot per case

    progress = Progress(request.config)
    began = time.time()
    broken = len(cases) - 1
    at_a_time = forkserver.WORKERS
    progress.write(f"\nguard: {broken} broken copies and the unbroken one, {at_a_time} at a time ")
    servers = forkserver.Servers(forkserver.WORKERS)
    try:
        with ThreadPoolExecutor(max_workers=forkserver.WORKERS) as pool:
            outcomes = dict(pool.map(run, cases))
    finally:
        progress.write(f" {time.perf_counter() - progress.start:.0f} s\n")
        servers.close()
    if {case[0] for case in CASES if trains(case)} <= selected:  # every kept run had its use
        prune(TRAINED, older_than=began)
    return outcomes


def prune(folder: Path, older_than: float) -> None:
    """Delete the runs in `folder` last used before `older_than` (a time.time())."""
    for path in folder.glob("*") if folder.is_dir() else ():
        if path.stat().st_mtime < older_than:
            path.unlink()


@pytest.mark.slow
def test_pristine_copy_passes(runs):
    """The control: on the unbroken copy, every check a case runs passes (in one process), so a
    case's failure comes from its edit, not from the copy."""
    run = runs[CONTROL]
    assert run.returncode == 0, run.stdout[-4000:]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_drift_fails_the_run(runs, name, mutate, expected):
    run = runs[name]
    if isinstance(run, Stale):
        pytest.fail(f"{name}: the case's edit no longer applies: {run}", pytrace=False)
    assert run.returncode != 0, f"{name}: the verification passed on a broken copy"
    named = (
        expected.search(run.stdout) if isinstance(expected, re.Pattern) else expected in run.stdout
    )
    assert named, f"{name}: the failure does not name {expected}:\n{run.stdout}"


@pytest.mark.slow
def test_update_keeps_the_answer_sheet_while_a_proof_fails(pristine, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    sheet = root / "tests/answer_sheets/why-rnns/quiz.txt"
    before = sheet.read_text(encoding="utf-8")
    replace(QUIZ, 'id="q-output-shape" data-key="C"', 'id="q-output-shape" data-key="B"')(root)
    run = verify(root, QUIZ, "--update-outputs")
    assert run.returncode != 0, "nox -s update passed with a key its proof contradicts"
    assert "were not rewritten, because a run, a proof or a figure of this page failed" in (
        run.stdout
    ), run.stdout[-3000:]
    assert sheet.read_text(encoding="utf-8") == before, "the answer sheet took the wrong key"


@pytest.mark.slow
def test_update_writes_the_time_to_read_and_the_counts(pristine, tmp_path):
    """`nox -s update` rewrites what a page says about itself: a nav time that disagrees with
    the page, and a count of questions that no longer matches, after which the checks pass."""
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    shift_nav_time("why-rnns/quiz.md")(root)
    wrong = f"{labels.number_to_words(QUIZ_QUESTIONS + 1, 'A')} questions"
    replace(QUIZ, QUIZ_COUNT, wrong)(root)
    run = verify(root, QUIZ, "--update-outputs")
    assert run.returncode == 0, run.stdout[-3000:]
    assert QUIZ_COUNT in (root / QUIZ).read_text(encoding="utf-8")
    times = {place.minutes for place in labels.places("why-rnns/quiz.md", root).values()}
    assert len(times) == 1, f"the three places still disagree: {times}"
    run = verify(root, QUIZ, "tests/test_reading_time.py", "tests/test_home.py")
    assert run.returncode == 0, run.stdout[-3000:]


def test_every_case_names_the_check_that_shows_it():
    """Fast: each guard case's expected message names a page, a notebook or a snippet, so the
    slow run knows which single check to run on its broken copy."""
    for name, _, expected in CASES:
        assert checked_by(name, expected)


def test_every_case_still_applies(request, tmp_path):
    """Fast: each guard case's edit still applies to the project as it is now (on a copy of
    its own), so a page edit that makes a case stale fails here in seconds, not in the slow
    run. A case whose slow test this session runs was applied there already: its outcome is
    read from there, not made twice."""
    problems = []
    applied = request.getfixturevalue("runs") if drift_tests(request.session) else {}
    for index, (name, mutate, _) in enumerate(CASES):
        if name in applied:
            if isinstance(applied[name], Stale):
                problems.append(f"{name}: {applied[name]}")
            continue
        try:
            mutate(copy_project(tmp_path / str(index)))
        except (AssertionError, OSError) as err:
            problems.append(f"{name}: {err}")
    assert not problems, "\n".join(problems)
