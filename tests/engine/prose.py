"""Numbers and shapes written in running text, bound to something that runs.

A page may only state a number that the reader can see being produced:

1. On every page, a number written with digits (other than 0 and 1) or a numeric tuple such as
   `(1, 5, 4)` or `torch.Size([5, 3, 20])`, in running text (paragraphs, lists, tables,
   admonitions, a question's hint and solution), must appear in the code or the printed output
   shown in the same part of the page: the same `#`/`##` section, or, inside a quiz question or
   a blank task, the same <div>. A figure span (figures.py) is bound to an experiment instead.
   The year of a cited paper, inside `<cite>…</cite>` on one line, is about no code and is not
   bound (the number sheet still lists it); every other number in a citation is.
2. On an experiment page (`experiment.md`) and in the Markdown cells of an experiment
   notebook, which show no code of their own, every such number is a figure span.
3. A comment in a snippet states no shape (a numeric tuple): make it an `assert` or print it.
   A number in a comment appears in the snippet's own code, so an update that changes the code
   and forgets the comment fails.

Quiz options and blank-option tables are not checked here: wrong options are wrong on purpose,
and the answer sheet and the proofs check them. A question's hint and solution may repeat its
options (a "Common mistakes" line names the wrong option it explains), so the options count as
shown for that question. Time-to-read labels are checked by their own rule.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .page import INCLUDE, Page
from .quiz import Block

# A shape or a list of values; brackets right after a name are a call or an index, such as
# `view(3, -1)`, whose numbers are checked one by one instead.
TUPLE = re.compile(
    r"torch\.Size\(\[[^\]]*\]\)"  # torch.Size([5, 3, 20])
    r"|(?<![\w\]])\(\s*-?\d+(?:\.\d+)?\s*,\s*\)"  # (5,)
    r"|(?<![\w\]])\(\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+\s*,?\s*\)"  # (1, 5, 4)
    r"|(?<![\w\]])\[\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?)+\s*\]"  # [5, 3, 20]
)
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w]|\.\d)")  # 20, 0.5, 1.8e-05
# What the code sets a name to: `hidden_size=20` in a call, `seq_len, batch = 4, 1` on a line.
ASSIGNMENT = re.compile(
    r"\b([a-z_]\w*(?:[ \t]*,[ \t]*[a-z_]\w*)*)[ \t]*=[ \t]*(\d+(?:[ \t]*,[ \t]*\d+)*)\b"
    r"(?![ \t]*[\w.(])"
)
# A count whose noun names a size of the layer: "20 hidden units", "3 sequences", "2 layers".
NOUNS = {
    "hidden units": "hidden_size",
    "layers": "num_layers",
    "features": "input_size",
    "sequences": "batch",
    "steps": "seq_len",
}
COUNTED = re.compile(rf"(?<![\w.])(?P<number>\d+) (?P<noun>{'|'.join(NOUNS)})\b")
# A size named next to its value: "`hidden_size` (20)", "hidden_size=20", "num_layers of 3".
NAMED = re.compile(
    r"`?(?P<name>[a-z]+_[a-z_]+|batch|seq_len)`?\s*(?:=|\(|:|of|is)?\s*(?P<number>\d+)\b"
)
HEADING = re.compile(r"^(#{1,2})\s")  # a new part of the page; ### stays in its section
FIGURE_SPAN = re.compile(r"<span\b[^>]*\bdata-figure=[^>]*>.*?</span>")
CITATION = re.compile(r"<cite>.*?</cite>")
YEAR = re.compile(r"(?<![\w.])(?:19|20)\d\d(?![\w.])")  # 2015, in "ICLR 2015"
TIME_SPAN = re.compile(r'<span class="hs-time">.*?</span>')
TIME_LABEL = re.compile(r"\(\d+ min\)")  # "[Quick intro (5 min)](…)": checked against the nav
LINK_TARGET = re.compile(r"\]\([^)]*\)")
URL = re.compile(r"https?://\S+")
COMMENT = re.compile(r"<!--.*?-->")
TAG = re.compile(r"<[^>]+>")
LIST_MARK = re.compile(r"^\s*(?:\d+\.|[-*+])\s+")
ADMONITION = re.compile(r'^\s*(?:\?\?\?|!!!)\+?\s+\w+(?:\s+"[^"]*")?\s*$')
NOTEBOOK_MARK = re.compile(r"^#\s*%%")
DIRECTIVE = re.compile(r"#\s*(?:--8<--|noqa|type:|ruff:|fmt:)")


@dataclass
class Part:
    """A stretch of the page whose prose is bound to the code and output shown in it."""

    name: str  # "section 'The call in one line'" or "question q-output-shape"
    shown: list[str] = field(default_factory=list)  # expanded code and output text


def _squash(text: str) -> str:
    """Without spaces, and with whole floats as integers: `[3.0, 4.0]` reads as `[3,4]`."""
    return re.sub(r"(?<![\d.])(\d+)\.0+(?![\d])", r"\1", re.sub(r"\s+", "", text))


def _value(token: str) -> float:
    return abs(float(token))


def numbers(text: str) -> set[float]:
    return {_value(n) for n in NUMBER.findall(text)}


def clean(line: str) -> str:
    """The running text of one Markdown line: markup, links, labels and figure spans removed."""
    for pattern in (COMMENT, FIGURE_SPAN, TIME_SPAN, TIME_LABEL, LINK_TARGET, URL, TAG):
        line = pattern.sub(" ", line)
    return LIST_MARK.sub("", line)


def unbound(text: str, shown: str) -> list[str]:
    """The tuples and numbers in `text` that `shown` (code and output) does not contain, and
    the named sizes ("`hidden_size` (20)") that differ from what the code sets that name to."""
    squashed, known, assigned = _shown(shown)
    found = []
    for match in TUPLE.finditer(text):
        if _squash(match[0]) not in squashed:
            found.append(match[0])
    rest = TUPLE.sub(" ", text)
    for token in NUMBER.findall(rest):
        if _value(token) not in (0, 1) and _value(token) not in known:
            found.append(token)
    named = [(m["name"], m["number"]) for m in NAMED.finditer(rest)]
    named += [(NOUNS[m["noun"]], m["number"]) for m in COUNTED.finditer(rest)]
    for name, number in named:
        values = assigned.get(name, set())
        if values and _value(number) not in values and number not in found:
            found.append(f"{name} {number}")
    return found


@lru_cache(maxsize=64)
def _shown(shown: str) -> tuple[str, set[float], dict[str, set[float]]]:
    """What `unbound` compares a line with, read once per part (a part has many lines)."""
    return _squash(shown), numbers(shown), assignments(shown)


def assignments(code: str) -> dict[str, set[float]]:
    """What the shown code sets each name to: `hidden_size=20`, `seq_len, batch = 4, 1`."""
    found: dict[str, set[float]] = {}
    for names, values in ASSIGNMENT.findall(code):
        names = [n.strip() for n in names.split(",")]
        values = [v.strip() for v in values.split(",")]
        if len(names) == len(values):
            for name, value in zip(names, values, strict=True):
                found.setdefault(name, set()).add(_value(value))
    return found


def _walk(page: Page, questions: list[Block], expand_lines=None):
    """The page's parts, and its prose lines as (line, part key, text) in page order. With
    `expand_lines` (expand.py), each part also gets the code and output it shows."""
    fenced: dict[int, str] = {}  # line -> the fence's expanded text, on its first line
    inside = set()
    for fence in page.fences:
        inside.update(range(fence.line, fence.line + len(fence.body) + 2))
        if expand_lines:
            fenced[fence.line] = "\n".join(expand_lines(list(fence.body)))
    exempt = {o.line for q in questions for o in q.options}
    exempt |= {o[0].line for q in questions for o in q.rows.values() if o}
    exempt |= {q.line for q in questions}
    div_of = {n: q for q in questions for n in range(q.line, q.end + 1)}

    parts: dict[object, Part] = {}
    order: list[tuple[int, object, str]] = []
    section: object = ("section", 0)
    parts[section] = Part("the page's opening")
    for number, line in enumerate(page.lines, 1):
        question = div_of.get(number)
        if question is None and number not in inside and HEADING.match(line):
            section = ("section", number)
            parts[section] = Part(f"section {line.lstrip('#').strip()!r}")
        key = ("div", question.line) if question else section
        if key not in parts:
            parts[key] = Part(
                f"{'question' if question.kind == 'hs-quiz' else 'task'} {question.id}"
            )
        if number in fenced:
            parts[key].shown.append(fenced[number])
        if number in exempt and question is not None:
            parts[key].shown.append(line)  # an option: the answer sheet reviews its every edit
        if number in inside or number in exempt or INCLUDE.match(line) or ADMONITION.match(line):
            continue
        order.append((number, key, line))
    return parts, order


def page_problems(
    page: Page, questions: list[Block], expand_lines, proven: Iterable[int] = ()
) -> list[str]:
    """Rule 1 (or rule 2 on an experiment page) on every prose line of the page.

    `expand_lines(lines)` expands includes as the site does (expand.py). `proven`: the lines of
    display equations evaluated against PyTorch (equations.py), whose numbers (`^2`,
    `\frac{1}{n-1}`) their binding checks.
    """
    proven = set(proven)
    experiment_page = page.path.name == "experiment.md"
    parts, order = _walk(page, questions, expand_lines)
    problems = []
    for number, key, line in order:
        if number in proven:
            continue
        text = clean(CITATION.sub(lambda cite: YEAR.sub(" ", cite[0]), line))
        if experiment_page:
            loose = [t for t in unbound(text, "") if t]
            how = "wrap it in a data-figure span that reads the experiment's results"
        else:
            loose = unbound(text, "\n".join(parts[key].shown))
            how = (
                f"show it in the code or output of {parts[key].name}, or cite an experiment "
                "with a data-figure span; a number that is not about the code can be written in "
                "words. (It is compared with the expected outputs beside the snippets: if the "
                "code prints it now, run `nox -s update`, which writes them first.)"
            )
        problems += [
            f"{page.path}:{number}: {token!r} in running text is bound to nothing that runs: {how}"
            for token in loose
        ]
    return problems


def stated(lines: Iterable[tuple[str, str]]) -> list[str]:
    """For the number sheet: each part's numbers and shapes in running text, in order, one
    line per part, as `part: 5 (1, 5, 4) 20`. `lines` are (part name, prose line)."""
    found: dict[str, list[str]] = {}
    for name, line in lines:
        text = clean(line)
        tokens = [m[0] for m in TUPLE.finditer(text)]
        tokens += NUMBER.findall(TUPLE.sub(" ", text))
        if tokens:
            found.setdefault(name, []).extend(re.sub(r"\s+", " ", t) for t in tokens)
    return [f"{name}: {' '.join(tokens)}" for name, tokens in found.items()]


def page_numbers(page: Page, questions: list[Block]) -> list[str]:
    parts, order = _walk(page, questions)
    return stated((parts[key].name, line) for _, key, line in order)


NOTEBOOK_TEX = re.compile(r"\$[^$`\s][^$`]*\$")
CODE_SPAN = re.compile(r"`[^`]*`")


def notebook_problems(source: str, path: str, prose: Iterable[tuple[int, str]]) -> list[str]:
    """Rule 2 on the Markdown cells of an experiment notebook; and no TeX there, because the
    site renders maths at build time on pages only, so a notebook page would show `$h_t$` raw."""
    prose = list(prose)
    problems = [
        f"{path}:{number}: {token!r} in the notebook's prose is bound to nothing that runs: "
        "wrap it in a data-figure span that reads this experiment's results"
        for number, line in prose
        for token in unbound(clean(line), "")
    ]
    problems += [
        f"{path}:{number}: {tex!r} in the notebook's prose: the site shows a notebook's "
        f"Markdown without rendering maths, so the reader would see the dollars; write "
        f"`{tex.strip('$')}` in backticks instead"
        for number, line in prose
        for tex in NOTEBOOK_TEX.findall(CODE_SPAN.sub("", line))
    ]
    return problems


def comment_problems(path: Path, rel: str) -> list[str]:
    """Rule 3 on one snippet: its comments state no shape, and only numbers its code has."""
    source = path.read_text(encoding="utf-8")
    markdown_cells = _markdown_cell_lines(source)
    comments, code = [], []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments.append((token.start[0], token.string))
            elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT):
                code.append(token.string)
    except (tokenize.TokenError, SyntaxError):
        return []  # ruff and the run report a file that does not parse
    known = numbers(" ".join(code))
    problems = []
    for number, text in comments:
        if number in markdown_cells or NOTEBOOK_MARK.match(text) or DIRECTIVE.match(text):
            continue
        for shape in TUPLE.findall(text):
            problems.append(
                f"{rel}:{number}: the comment states the shape {shape}: turn it into an assert "
                f"(assert tuple(x.shape) == {shape}) or print it, so that it is checked"
            )
        for token in NUMBER.findall(TUPLE.sub(" ", text)):
            if _value(token) not in (0, 1) and _value(token) not in known:
                problems.append(
                    f"{rel}:{number}: the comment says {token}, but the code has no {token}: "
                    "correct the comment, or make it an assert"
                )
    return problems


def _markdown_cell_lines(source: str) -> set[int]:
    """Lines inside `# %% [markdown]` cells of a percent-format notebook (checked by rule 2)."""
    lines, inside = set(), False
    for number, line in enumerate(source.split("\n"), 1):
        if NOTEBOOK_MARK.match(line):
            inside = "[markdown]" in line or "[md]" in line
        elif inside:
            lines.add(number)
    return lines
