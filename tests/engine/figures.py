"""Figures stated in prose, checked against what the experiments measured.

A page states a measured figure by wrapping it in a span that names where it comes from:

    the RNN is right <span data-figure="running_sum:rnn_last" data-tol="1">99.7%</span> ...

`running_sum` is an experiment (a notebook page in the nav), `rnn_last` a key of the `results`
dict its run defines. The first number in the span is compared with that result:

- by default it must equal the result rounded as written ("99.7" allows 99.65 to 99.75);
- `data-tol="1"` allows the result to differ by up to 1;
- `data-bound="lower"` (or "upper") states a bound: the result must be at least (or at most)
  the number written, as in "at least 99%" or "under 70%".

- `data-band` states the figure's range over seeds and kernel paths, two numbers joined by an
  en dash: it must be the band that `nox -s spread` measured (tests/bands/, engine/bands.py),
  rounded outward as written. An experiment page that states a varying figure states its
  range too.

A figure comes from one run on one kernel path, and another seed or CPU moves it. So:

- on the reference path (engine/kernels.py) a figure is compared with this run, and with the
  band file's reference value; on any other path, the run must fall inside the figure's band;
- a bound must hold at every run of the band, and a tolerance must cover the whole band;
- a wall-clock measurement (the experiment's `timings`) may only be stated as a bound, and is
  checked against this run alone.

Any other percentage in prose is refused: a figure is either checked or not stated.

Two more rules keep figures honest:

- a tolerance is at most 5% of the figure (TOL_CAP): a wider one only hides a wrong number
  (state the range with `data-band` instead);
- the key names what it measures, and the first word of the key (`rnn` in `rnn_last`) appears
  in the table row's first cell, or in the text around the span: citing `lstm_far` in the row
  of the RNN fails.

Every figure, with the result it cites and its tolerance or bound, is listed in a reviewed
number sheet (tests/number_sheets/, one per page or notebook), with every number the page's
running text states (prose.py): re-pointing a span, widening a
tolerance fails until `nox -s update` rewrites the sheet, and then shows in `git diff`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import bands, kernels, notebooks
from .page import ATTR

SPAN = re.compile(r"<span\b(?P<attrs>[^>]*\bdata-figure=[^>]*)>(?P<text>.*?)</span>")
BAND_ATTR = re.compile(r"\sdata-band(?=[\s>=]|$)")
DASH = "\u2013"  # the en dash of a range, "12\u201327%"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")
CODE_SPAN = re.compile(r"`[^`]*`")
TAG = re.compile(r"<[^>]+>")
TOL_CAP = 0.05  # a tolerance may be at most 5% of the figure it qualifies
SHEETS = Path("tests") / "number_sheets"
HOW = 'wrap it as <span data-figure="experiment:key">…</span> (see CONTRIBUTING.md)'


@dataclass
class Figure:
    where: str  # "docs/why-rnns/experiment.md:23"
    ref: str  # "running_sum:rnn_last"
    text: str  # "99.7%"
    tol: str | None
    bound: str | None
    band: bool = False  # the span states a range, low to high, over the spread runs

    @property
    def experiment(self) -> str:
        return self.ref.partition(":")[0]

    @property
    def key(self) -> str:
        return self.ref.partition(":")[2]


def attributes(text: str) -> dict[str, str]:
    """name="value" pairs of a tag's attributes; a bare `data-band` reads as data-band=""."""
    found = {m["name"]: m["value"] for m in ATTR.finditer(text)}
    if BAND_ATTR.search(" " + text):
        found.setdefault("data-band", "")
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
            figure = Figure(
                where=where,
                ref=attrs.get("data-figure", ""),
                text=match["text"],
                tol=attrs.get("data-tol"),
                bound=attrs.get("data-bound"),
                band="data-band" in attrs,
            )
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
    if figure.tol is not None and not NUMBER.fullmatch(figure.tol):
        return f"data-tol must be a number, not {figure.tol!r}"
    if figure.tol is not None and figure.bound is not None:
        return "a figure has either data-tol or data-bound, not both"
    if figure.band and (figure.tol is not None or figure.bound is not None):
        return "a data-band span states a range: it takes no data-tol or data-bound"
    if figure.band and len(NUMBER.findall(figure.text.replace(DASH, " "))) != 2:
        return (
            f"the data-band span for {figure.ref} must hold a range of two numbers, such as "
            f"'12{DASH}27%', not {figure.text!r}"
        )
    stated = abs(float(NUMBER.search(figure.text).group()))
    if figure.tol is not None and float(figure.tol) > TOL_CAP * stated + 1e-9:
        return (
            f"data-tol={figure.tol} is more than {TOL_CAP:.0%} of {figure.text!r}: tolerances are "
            f"capped at {TOL_CAP:.0%} of the figure (the experiments are deterministic); write "
            "the measured value, or state a bound with data-bound"
        )
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
    if figure.key in bands.ABOUT:  # what ranges are over: seeds, paths, runs
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
    """One line per figure, in page order: the result it cites, as written, and its leeway.

    The number written is on the sheet because a tolerance or a bound lets it move without the
    run noticing (a bound loosened from 3 to 4 still holds)."""

    def leeway(mark: Figure) -> str:
        if mark.band:
            return "band"
        if mark.bound:
            return f"{mark.bound} bound"
        return f"tol {mark.tol}" if mark.tol is not None else "as rounded"

    return "".join(f"{m.ref}  {TAG.sub('', m.text)}  {leeway(m)}\n" for m in marks)


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
    return [
        f"{source}: the numbers it states differ from its reviewed number sheet "
        f"{sheet_path(source)} (a number in running text changed, a figure span re-pointed, or "
        "a tolerance or bound changed). If the edit is meant, run `nox -s update` and review "
        "`git diff`.\n" + snapshot.diff(written, wanted, "number sheet", source)
    ]


def check(figure: Figure) -> str | None:
    """Why the figure disagrees with the experiment's run or its band, or None if it holds."""
    experiment = notebooks.by_name(figure.experiment)
    if experiment is None:
        known = ", ".join(e.name for e in notebooks.experiments()) or "none"
        return (
            f"{figure.where}: no experiment named {figure.experiment!r} "
            f"(notebook pages in the nav: {known})"
        )
    key = figure.key
    results, timings = notebooks.results(experiment), notebooks.timings(experiment)
    written = NUMBER.search(figure.text).group()
    if key in timings:
        if figure.bound is None:
            return (
                f"{figure.where}: {figure.ref} is a wall-clock timing, which changes from run to "
                "run and machine to machine: state it as a bound (data-bound), not a figure"
            )
        return _bound(figure, float(timings[key]), float(written), "this run")
    try:
        found = bands.band(experiment, key)
    except bands.BandError as err:
        return f"{figure.where}: {err}"
    if key not in results and key not in bands.ABOUT:
        return (
            f"{figure.where}: {experiment.rel_source} has no result {key!r}; "
            f"its results are: {', '.join(sorted(results))}"
        )
    if found is None:
        return (
            f"{figure.where}: {figure.ref} has no band in {bands.path_of(experiment).name}: "
            f"run `nox -s spread -- {experiment.name}`"
        )
    measured = float(results[key]) if key in results else found.reference
    spread = f"{found.low:g}{DASH}{found.high:g} over {len(found.runs)} runs"
    # Off the reference path, this run is one more draw: it must fall inside the band.
    if not kernels.is_reference() and not found.low - 1e-9 <= measured <= found.high + 1e-9:
        return (
            f"{figure.where}: {figure.ref} measured {measured:g} on the kernel path "
            f"{kernels.path_name()}, outside its band {spread} (tests/bands/). The band does "
            "not cover this path: measure it with `nox -s spread` on this machine and review."
        )
    if figure.band:
        return _range(figure, found)
    if figure.bound is not None:
        return _bound(
            figure,
            found.low if figure.bound == "lower" else found.high,
            float(written),
            f"the band's {'lowest' if figure.bound == 'lower' else 'highest'} run ({spread})",
        )
    if figure.tol is not None:
        tol, stated = float(figure.tol), float(written)
        if max(abs(found.low - stated), abs(found.high - stated)) > tol + 1e-9:
            return (
                f"{figure.where}: {figure.ref} states {written} ± {figure.tol}, narrower than "
                f"its measured spread {spread}: state the range with data-band instead"
            )
        return None
    decimals = len(written.partition(".")[2])
    half = 0.5 * 10**-decimals
    # The stated value is the reference run's; on the reference path this run is that run.
    value = measured if kernels.is_reference() else found.reference
    if abs(value - float(written)) <= half + 1e-9 and abs(found.reference - value) <= 1e-9:
        return None
    if abs(value - float(written)) > half + 1e-9:
        return (
            f"{figure.where}: states {written} (± {half:g}) for {figure.ref}, but "
            f"{experiment.rel_source} measured {value:g} on the reference run. Write what the "
            "experiment measures, or change the experiment."
        )
    return (
        f"{figure.where}: {figure.ref}: this reference run measured {measured:g}, but the band "
        f"file's reference run measured {found.reference:g}: the same code on the same path "
        f"must print the same figure. Run `nox -s spread -- {experiment.name}` and review."
    )


def _bound(figure: Figure, value: float, stated: float, what: str) -> str | None:
    lower = figure.bound == "lower"
    if (value >= stated - 1e-9) if lower else (value <= stated + 1e-9):
        return None
    return (
        f"{figure.where}: states {'at least' if lower else 'at most'} {stated:g} for "
        f"{figure.ref}, but {what} measured {value:g}. State a bound that holds at every run, "
        "or change the experiment."
    )


def _range(figure: Figure, found: bands.Band) -> str | None:
    """A stated range (two numbers and an en dash) is the band rounded outward as written."""
    low_text, high_text = NUMBER.findall(figure.text.replace(DASH, " "))[:2]
    decimals = max(len(low_text.partition(".")[2]), len(high_text.partition(".")[2]))
    step = 10**-decimals
    want_low = math.floor(found.low / step + 1e-9) * step
    want_high = math.ceil(found.high / step - 1e-9) * step
    if abs(float(low_text) - want_low) < step / 2 and abs(float(high_text) - want_high) < step / 2:
        return None
    return (
        f"{figure.where}: states the range {low_text}{DASH}{high_text} for {figure.ref}, but its "
        f"band is {found.low:g}{DASH}{found.high:g} over {len(found.runs)} runs: write "
        f"{want_low:.{decimals}f}{DASH}{want_high:.{decimals}f} (rounded outward)"
    )


def missing_ranges(marks: list[Figure], source: str) -> list[str]:
    """On an experiment page, every figure that varies over the spread runs has its range
    stated somewhere on the page: a reader learns what is signal and what is noise."""
    ranged = {m.ref for m in marks if m.band}
    problems, seen = [], set()
    for mark in marks:
        if mark.band or mark.bound or mark.ref in ranged or mark.ref in seen:
            continue
        experiment = notebooks.by_name(mark.experiment)
        if experiment is None or mark.key in notebooks.timings(experiment):
            continue
        try:
            found = bands.band(experiment, mark.key)
        except bands.BandError:
            continue  # check() reports it
        if found is not None and found.varies:
            seen.add(mark.ref)
            problems.append(
                f"{mark.where}: {mark.ref} moves from {found.low:g} to {found.high:g} over the "
                f"spread runs, and {source} never says so: state its range once on the page, "
                f'<span data-figure="{mark.ref}" data-band>…</span>'
            )
    return problems
