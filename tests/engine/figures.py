"""Figures stated in prose, checked against what the experiments measured.

A page states a measured figure by wrapping it in a span that names where it comes from:

    the RNN is right <span data-figure="running_sum:rnn_last" data-tol="1">99.7%</span> ...

`running_sum` is an experiment (a notebook page in the nav), `rnn_last` a key of the `results`
dict its run defines. The first number in the span is compared with that result:

- by default it must equal the result rounded as written ("99.7" allows 99.65 to 99.75);
- `data-tol="1"` allows the result to differ by up to 1;
- `data-bound="lower"` (or "upper") states a bound: the result must be at least (or at most)
  the number written, as in "at least 99%" or "under 70%".

Any other percentage in prose is refused: a figure is either checked or not stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import notebooks
from .page import ATTR

SPAN = re.compile(r"<span\b(?P<attrs>[^>]*\bdata-figure=[^>]*)>(?P<text>.*?)</span>")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")
CODE_SPAN = re.compile(r"`[^`]*`")
HOW = 'wrap it as <span data-figure="experiment:key">…</span> (see CONTRIBUTING.md)'


@dataclass
class Figure:
    where: str  # "docs/why-rnns/experiment.md:23"
    ref: str  # "running_sum:rnn_last"
    text: str  # "99.7%"
    tol: str | None
    bound: str | None


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
    for number, line in lines:
        where = f"{path}:{number}"
        for match in SPAN.finditer(line):
            attrs = {m["name"]: m["value"] for m in ATTR.finditer(match["attrs"])}
            figure = Figure(
                where=where,
                ref=attrs.get("data-figure", ""),
                text=match["text"],
                tol=attrs.get("data-tol"),
                bound=attrs.get("data-bound"),
            )
            problem = _malformed(figure)
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
    return None


def check(figure: Figure) -> str | None:
    """Why the figure disagrees with the experiment's results, or None if it holds."""
    name, _, key = figure.ref.partition(":")
    experiment = notebooks.by_name(name)
    if experiment is None:
        known = ", ".join(e.name for e in notebooks.experiments()) or "none"
        return f"{figure.where}: no experiment named {name!r} (notebook pages in the nav: {known})"
    results = notebooks.results(experiment)
    if key not in results:
        return (
            f"{figure.where}: {experiment.rel_source} has no result {key!r}; "
            f"its results are: {', '.join(sorted(results))}"
        )
    measured = float(results[key])
    written = NUMBER.search(figure.text).group()
    stated = float(written)
    if figure.bound == "lower":
        ok, claim = measured >= stated, f"at least {written}"
    elif figure.bound == "upper":
        ok, claim = measured <= stated, f"at most {written}"
    else:
        decimals = len(written.partition(".")[2])
        tol = float(figure.tol) if figure.tol is not None else 0.5 * 10**-decimals
        ok, claim = abs(measured - stated) <= tol + 1e-9, f"{written} (± {tol:g})"
    if ok:
        return None
    return (
        f"{figure.where}: states {claim} for {figure.ref}, but {experiment.rel_source} measured "
        f"{measured:g}. Write what the experiment measures, or change the experiment."
    )
