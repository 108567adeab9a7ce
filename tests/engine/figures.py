"""Figures stated in prose, checked against the reviewed band files of the experiments.

A page states a measured figure by wrapping it in a span that names where it comes from:

    the RNN is right <span data-figure="running_sum:rnn_last">99.8%</span> of the time ...

`running_sum` is an experiment (a notebook page in the nav), `rnn_last` a key of its `setup`,
`results` or `timings`. The span is checked against `tests/bands/running_sum.json`, the runs
that `nox -s spread` measured (engine/bands.py), and nothing else: the verdict is the same on
every machine, and the pages never quote one lucky run.

- `data-figure` alone states a setup value exactly, or a measured figure's **median** over
  the runs, each rounded as written ("99.8" allows 99.75 to 99.85);
- `data-range` states its **range**, two numbers and an en dash ("94.1\u2013100%"): the lowest and
  highest run, rounded outward as written;
- `data-count` states how often a yes-or-no result held: "27 of 30" (runs);
- `data-bound="lower"` (or "upper") states a bound that every run meets: "at least 2";
- `data-figure="running_sum:runs"` states how many runs a median, range or count is over.

An experiment page that states a figure that varies also states its range and the number of
runs. Any other percentage in prose is refused: a figure is either checked or not stated. The
key names what it measures: its first word (`rnn` in `rnn_last`) appears in the table row's
first cell, or in the text around the span, so citing `lstm_far` in the row of the RNN fails.

Every figure, with how it is stated, is listed in a reviewed number sheet (tests/number_sheets/,
one per page or notebook), with every number the page's running text states (prose.py):
re-pointing a span fails until `nox -s update` rewrites the sheet, and then shows in `git diff`.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import bands
from .page import ATTR

SPAN = re.compile(r"<span\b(?P<attrs>[^>]*\bdata-figure=[^>]*)>(?P<text>.*?)</span>")
FLAG = re.compile(r"\s(data-range|data-count)(?=[\s>=]|$)")
DASH = "\u2013"  # the en dash of a range, "12\u201327%"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
COUNT = re.compile(r"(\d+) of (\d+)")
PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")
CODE_SPAN = re.compile(r"`[^`]*`")
TAG = re.compile(r"<[^>]+>")
SHEETS = Path("tests") / "number_sheets"
KNOWN = {"data-figure", "data-range", "data-count", "data-bound"}
HOW = 'wrap it as <span data-figure="experiment:key">…</span> (see contributing/experiments.md)'


@dataclass
class Figure:
    where: str  # "docs/why-rnns/experiment.md:23"
    ref: str  # "running_sum:rnn_last"
    text: str  # "99.8%"
    bound: str | None = None  # "lower" or "upper": a bound every run meets
    form: str = "value"  # "value" (a setup value, or the median), "range" or "count"

    @property
    def experiment(self) -> str:
        return self.ref.partition(":")[0]

    @property
    def key(self) -> str:
        return self.ref.partition(":")[2]


def attributes(text: str) -> dict[str, str]:
    """name="value" pairs of a tag's attributes; a bare `data-range` reads as data-range=""."""
    found = {m["name"]: m["value"] for m in ATTR.finditer(text)}
    for flag in FLAG.findall(" " + text):
        found.setdefault(flag, "")
    return found


def prose_lines(text: str) -> Iterable[tuple[int, str]]:
    """(line number, line) for the lines of a Markdown text outside code fences."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        opening = re.match(r"(`{3,}|~{3,})", stripped)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None:
            yield number, line


def notebook_prose(source: str) -> Iterable[tuple[int, str]]:
    """(line number, text) for the Markdown cells of a jupytext percent-format file."""
    in_markdown = False
    for number, line in enumerate(source.split("\n"), 1):
        if line.startswith("# %%"):
            in_markdown = "[markdown]" in line or "[md]" in line
        elif in_markdown and line.startswith("#"):
            yield number, line[2:]


def scan(lines: Iterable[tuple[int, str]], path: str) -> tuple[list[Figure], list[str]]:
    """The figure marks in these lines, and the problems that need no results to see."""
    figures, problems = [], []
    lines = list(lines)
    for index, (number, line) in enumerate(lines):
        where = f"{path}:{number}"
        for match in SPAN.finditer(line):
            attrs = attributes(match["attrs"])
            forms = [f for f in ("range", "count") if f"data-{f}" in attrs]
            figure = Figure(
                where=where,
                ref=attrs.get("data-figure", ""),
                text=match["text"],
                bound=attrs.get("data-bound"),
                form=forms[0] if len(forms) == 1 else "value",
            )
            unknown = sorted(set(attrs) - KNOWN)
            if unknown or len(forms) > 1 or (forms and figure.bound):
                problems.append(
                    f"{where}: a figure span takes data-figure and at most one of data-range, "
                    f"data-count and data-bound{f', not {unknown[0]}' if unknown else ''} "
                    "(contributing/experiments.md)"
                )
                continue
            problem = _malformed(figure) or _misnamed(
                figure, line, _around(lines, index, match.start())
            )
            if problem:
                problems.append(f"{where}: {problem}")
            else:
                figures.append(figure)
        rest = CODE_SPAN.sub("", SPAN.sub("", line))
        for loose in PERCENT.findall(rest):
            problems.append(f"{where}: the figure {loose!r} is not checked: {HOW}, or leave it out")
    return figures, problems


def _malformed(figure: Figure) -> str | None:
    name, _, key = figure.ref.partition(":")
    if not name or not key:
        return (
            f'data-figure="{figure.ref}" must name an experiment and a key: "running_sum:rnn_last"'
        )
    if not NUMBER.search(figure.text):
        return f"the span for {figure.ref} holds no number: {figure.text!r}"
    if figure.bound not in (None, "lower", "upper"):
        return f'data-bound must be "lower" or "upper", not {figure.bound!r}'
    if figure.form == "range" and len(NUMBER.findall(figure.text.replace(DASH, " "))) != 2:
        return (
            f"the data-range span for {figure.ref} must hold two numbers joined by an en dash, "
            f"such as '12{DASH}27%', not {figure.text!r}"
        )
    if figure.form == "count" and not COUNT.fullmatch(TAG.sub("", figure.text).strip()):
        return f"the data-count span for {figure.ref} must read 'K of N', not {figure.text!r}"
    return None


def _around(lines: list[tuple[int, str]], index: int, column: int, before=160, after=80) -> str:
    """The text of the span's paragraph, from `before` characters ahead of it to `after` past."""
    first = index
    while first > 0 and lines[first - 1][1].strip() and lines[first - 1][0] == lines[first][0] - 1:
        first -= 1
    last = index
    while last + 1 < len(lines) and lines[last + 1][1].strip():
        if lines[last + 1][0] != lines[last][0] + 1:
            break
        last += 1
    head = " ".join(text for _, text in lines[first:index]) + " " + lines[index][1][:column]
    tail = (
        lines[index][1][column:] + " " + " ".join(text for _, text in lines[index + 1 : last + 1])
    )
    head, tail = SPAN.sub(" ", head), SPAN.sub(" ", tail)
    return head[-before:] + " " + tail[:after]


def _misnamed(figure: Figure, line: str, around: str) -> str | None:
    """The key's first word must appear where the reader sees what the figure is about."""
    if figure.key in bands.ABOUT:  # how many runs
        return None
    word = figure.ref.partition(":")[2].split("_")[0].lower()
    if line.lstrip().startswith("|"):
        context, place = line.strip().strip("|").split("|")[0], "its table row's first cell"
    else:
        context, place = around, "the text around it"
    if word in TAG.sub(" ", context).lower():
        return None
    return (
        f"the span cites {figure.ref}, but {word!r} appears neither in {place}: cite the result "
        f"that the text names, or name the result after what it measures (its first word, "
        f"before '_', must appear there)"
    )


def sheet_path(source: str) -> Path:
    """docs/why-rnns/experiment.md -> tests/number_sheets/docs/why-rnns/experiment.txt"""
    return SHEETS / Path(source).with_suffix(".txt")


def render_sheet(marks: list[Figure]) -> str:
    """One line per figure, in page order: the result it cites, as written, and how.

    The number written is on the sheet because a bound lets it move without the check
    noticing (a bound loosened from 3 to 4 still holds)."""

    def how(mark: Figure) -> str:
        return f"{mark.bound} bound" if mark.bound else mark.form

    return "".join(f"{m.ref}  {TAG.sub('', m.text)}  {how(m)}\n" for m in marks)


def changed_part(path: Path, written: str, wanted: str) -> tuple[int, str] | None:
    """Where the first part whose numbers changed begins in `path`, and what it is: a section's
    heading, a question or task, or a figure span (sheet lines read "section 'Title': 5 20",
    "question q-id: …", "task b-id: …", "the page's opening: …" or "experiment:key  text  how")."""
    old, new = written.split("\n"), wanted.split("\n")
    changed = [x for x in new if x and x not in old] + [x for x in old if x and x not in new]
    if not changed or not path.is_file():
        return None
    name = changed[0]
    if name.startswith("the page's opening:"):
        return 1, "the page's opening"
    if found := re.match(r"(section ('.*'|\".*\")): ", name):  # the title as repr() writes it
        title = ast.literal_eval(found[2])
        what, pattern = found[1], rf"^#+\s+{re.escape(title)}\s*$"
    elif found := re.match(r"((?:question|task) ([\w-]+)): ", name):
        what, pattern = found[1], rf'\bid="{re.escape(found[2])}"'
    else:
        ref = name.split("  ")[0]
        what, pattern = f"the span of {ref}", rf'data-figure="{re.escape(ref)}"'
    lines = path.read_text(encoding="utf-8").split("\n")
    line = next((n for n, text in enumerate(lines, 1) if re.search(pattern, text)), None)
    return (line, what) if line else None


def check_sheet(
    source: str, marks: list[Figure], root: Path, update: bool = False, numbers: list[str] = ()
) -> list[str]:
    """Located problems where the numbers `source` states (its figures, and `numbers`, those in
    its running text: prose.stated) differ from its reviewed number sheet.

    With `update`, the sheet is rewritten instead (`nox -s update`), and nothing is reported.
    """
    from . import snapshot

    path = root / sheet_path(source)
    wanted = render_sheet(marks) + "".join(f"{line}\n" for line in numbers)
    if update:
        snapshot.write(path, wanted)
        return []
    written = snapshot.read(path) or ""
    if wanted == written:
        return []
    if not wanted:
        return [f"{sheet_path(source)}: {source} states no numbers any more; delete this sheet"]
    part = changed_part(root / source, written, wanted)
    where = f"{source}:{part[0]}: in {part[1]}, " if part else f"{source}: "
    return [
        f"{where}the numbers it states differ from its reviewed number sheet "
        f"{sheet_path(source)} (a number in running text changed, a figure span re-pointed, or "
        "a bound changed). If the edit is meant, run `nox -s update` and review "
        "`git diff`.\n" + snapshot.diff(written, wanted, "number sheet", source)
    ]


def check(figure: Figure) -> str | None:
    """Why the figure disagrees with its experiment's band file, or None if it holds."""
    try:
        data = bands.read(figure.experiment)
    except bands.BandError as err:
        return f"{figure.where}: {err}"
    key, file = figure.key, f"{bands.FOLDER / figure.experiment}.json"
    row = data["figures"].get(key) or data.get("timings", {}).get(key)
    if key in bands.ABOUT:
        runs = bands.quoted_runs(data)
        row = {"median": runs, "min": runs, "max": runs}
    elif key in data.get("setup", {}):
        value = data["setup"][key]
        row = {"median": value, "min": value, "max": value}
    if row is None:
        known = sorted([*data["setup"], *data["figures"], *data.get("timings", {}), *bands.ABOUT])
        return f"{figure.where}: {file} has no figure {key!r}; it has: {', '.join(known)}"
    if "count" in row:
        if figure.form != "count":
            return (
                f"{figure.where}: {figure.ref} is a yes-or-no result: state how often it held, "
                f'<span data-figure="{figure.ref}" data-count>{row["count"]} of {row["of"]}</span>'
            )
        held, of = (int(n) for n in COUNT.search(TAG.sub("", figure.text)).groups())
        if (held, of) == (row["count"], row["of"]):
            return None
        return (
            f"{figure.where}: states {held} of {of} for {figure.ref}, but it held in "
            f"{row['count']} of the {row['of']} runs of {file}"
        )
    if figure.form == "count":
        return f"{figure.where}: {figure.ref} is a number, not a yes-or-no result: no data-count"
    if figure.form == "range":
        return _range(figure, row, file)
    text = NUMBER.search(figure.text.replace("\u2212", "-")).group()  # a typographic minus too
    written = float(text)
    if figure.bound:
        lower = figure.bound == "lower"
        value = row["min"] if lower else row["max"]
        if (value >= written - 1e-9) if lower else (value <= written + 1e-9):
            return None
        return (
            f"{figure.where}: states {'at least' if lower else 'at most'} {written:g} for "
            f"{figure.ref}, but a run of {file} measured {value:g}. State a bound that every run "
            "meets, or change the experiment."
        )
    decimals = len(text.partition(".")[2])
    if abs(row["median"] - written) <= 0.5 * 10**-decimals + 1e-9:
        return None
    what = "the median of its runs" if row["min"] != row["max"] else "its value"
    return (
        f"{figure.where}: states {text} for {figure.ref}, but {what} in {file} is "
        f"{row['median']:g}: write {row['median']:.{decimals}f}, or change the experiment."
    )


def _range(figure: Figure, row: dict, file: str) -> str | None:
    """A stated range (two numbers and an en dash) is the runs' range rounded outward."""
    low_text, high_text = NUMBER.findall(figure.text.replace(DASH, " "))[:2]
    decimals = max(len(low_text.partition(".")[2]), len(high_text.partition(".")[2]))
    step = 10**-decimals
    want_low = math.floor(row["min"] / step + 1e-9) * step
    want_high = math.ceil(row["max"] / step - 1e-9) * step
    if abs(float(low_text) - want_low) < step / 2 and abs(float(high_text) - want_high) < step / 2:
        return None
    return (
        f"{figure.where}: states the range {low_text}{DASH}{high_text} for {figure.ref}, but its "
        f"runs in {file} go from {row['min']:g} to {row['max']:g}: write "
        f"{want_low:.{decimals}f}{DASH}{want_high:.{decimals}f} (rounded outward)"
    )


def missing_ranges(marks: list[Figure], source: str) -> list[str]:
    """On an experiment page, a figure that varies over the runs has its range stated on the
    page, and the page says how many runs: a reader learns what is signal and what is noise."""
    problems, ranged, seen = [], {m.ref for m in marks if m.form == "range"}, set()
    counted = {m.experiment for m in marks if m.key in bands.ABOUT}
    for mark in marks:
        try:
            data = bands.read(mark.experiment)
        except bands.BandError:
            continue  # check() reports it
        row = data["figures"].get(mark.key) or data.get("timings", {}).get(mark.key) or {}
        varies = "count" in row or row.get("min") != row.get("max")
        if not varies or mark.bound:
            continue
        if mark.experiment not in counted and mark.experiment not in seen:
            seen.add(mark.experiment)
            problems.append(
                f"{mark.where}: {source} states figures of {mark.experiment} that vary from run "
                f"to run, but never how many runs: add "
                f'<span data-figure="{mark.experiment}:runs">{bands.quoted_runs(data)}</span>'
            )
        if "count" not in row and mark.form != "range" and mark.ref not in ranged | seen:
            seen.add(mark.ref)
            problems.append(
                f"{mark.where}: {mark.ref} moves from {row['min']:g} to {row['max']:g} over the "
                f"runs, and {source} never says so: state its range once on the page, "
                f'<span data-figure="{mark.ref}" data-range>…</span>'
            )
    return problems


def stated_at(root: Path) -> dict[str, str]:
    """`experiment:key` -> where a page or a notebook first states it, with a few words."""
    from . import notebooks

    found: dict[str, str] = {}
    sources = sorted((root / "docs").rglob("*.md")) + [
        e.source for e in notebooks.experiments(root)
    ]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        rel = str(source.relative_to(root))
        lines = notebook_prose(text) if source.suffix == ".py" else prose_lines(text)
        for number, line in lines:
            for match in SPAN.finditer(line):
                ref = attributes(match["attrs"]).get("data-figure", "")
                if ref not in found:
                    words = TAG.sub("", line[max(0, match.start() - 50) : match.start()])
                    found[ref] = f"{rel}:{number} …{words.strip()[-40:]}"
    return found
