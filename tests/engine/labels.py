"""What a page says about itself, derived from what it holds, so that it cannot drift:

- its **time to read**, shown in three places (the page's `hs-time` label, its nav title in
  mkdocs.yml and its link on the home page), which must agree and follow the rule below;
- the **counts** it states of its own items: "Twelve questions" in a quiz's intro, "Six short
  programs" on a practice page, "with two notebooks" on the home page, "with the notebook" in an
  experiment page's label.

The rule (CONTRIBUTING.md, "Time to read"): the words outside code blocks at 150 a minute, plus
the lines of code and output the page shows at 30 a minute, folded Hints and Solutions
included, rounded to whole minutes. An experiment page adds its module's notebooks; a notebook
counts its Markdown cells and its code (what it prints is known only once it has trained). A label
passes within a quarter of that time or two minutes, whichever is more, so that a small edit
does not move it. `nox -s update` writes the rule's time into all three places when they
disagree or the label is outside that margin, and rewrites a count in words that no longer
matches; the check says what to run or write otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pymdownx.snippets import SnippetMissingError

from . import config, nav
from .expand import expand_lines
from .page import scan

WORDS_PER_MINUTE = 150
LINES_PER_MINUTE = 30
HOME = "docs/index.md"

PAGE_TIME = re.compile(r'<span class="hs-time">[^<]*?(?P<minutes>\d+) min[^<]*</span>')
TAG = re.compile(r"<[^>]+>|:material-[\w-]+:")
WORD = re.compile(r"\S*[^\W_]\S*")  # a run of non-spaces with a letter or a digit in it

# Labels known to be off the rule, on pages this change may not edit (the experiments and their
# notebooks, being rewritten). Each is accepted while it says exactly this; the site-wide test
# lists them as a warning on every run. Fix the label, then delete its line here.
OFF_RULE = {
    "why-rnns/experiment/running_sum.ipynb": 12,
    "why-rnns/experiment/distance.ipynb": 15,
    "rnn-layer/experiment/depth_width.ipynb": 10,
    "forecasting/experiment.md": 15,
    "forecasting/experiment/forecast_baselines.ipynb": 10,
}

UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER = r"\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|[a-z]+"
# "Twelve questions", "Six short programs": a count of the page's own questions or tasks.
ITEMS = re.compile(
    rf"\b(?P<number>{NUMBER})\s+(?:short\s+)?(?P<noun>questions?|programs?|tasks?|exercises?)\b",
    re.IGNORECASE,
)
# "with two notebooks" (home page), "with the notebook" (an experiment page's label).
NOTEBOOKS = re.compile(rf"\bwith\s+(?P<number>the|a|both|{NUMBER})\s+notebooks?\b", re.I)


def words_to_number(text: str, articles: bool = False) -> int | None:
    """'Twelve' -> 12, 'twenty-one' -> 21, '7' -> 7; None for a word that is no number. With
    `articles`, 'the' and 'a' are 1 and 'both' 2 ("with the notebook")."""
    word = text.lower()
    if word.isdigit():
        return int(word)
    if word in UNITS:
        return UNITS.index(word)
    tens, _, unit = word.partition("-")
    if tens in TENS and (not unit or unit in UNITS[1:10]):
        return 10 * TENS.index(tens) + (UNITS.index(unit) if unit else 0)
    return {"the": 1, "a": 1, "both": 2}.get(word) if articles else None


def number_to_words(number: int, like: str) -> str:
    """12 -> 'twelve', written as `like` is (digits, capitalised or not)."""
    if like.isdigit() or number >= 100:
        return str(number)
    tens, unit = divmod(number, 10)
    text = UNITS[number] if number < 20 else TENS[tens] + (f"-{UNITS[unit]}" if unit else "")
    return text.capitalize() if like[:1].isupper() else text


# ---------------------------------------------------------------- time to read


@dataclass
class Reading:
    """What a page gives a reader: words of prose, lines of code and output, and notebooks."""

    words: int
    lines: int
    notebooks: tuple[tuple[str, float], ...] = ()  # (page, minutes) an experiment page adds

    @property
    def minutes(self) -> float:
        own = self.words / WORDS_PER_MINUTE + self.lines / LINES_PER_MINUTE
        return own + sum(minutes for _, minutes in self.notebooks)

    @property
    def label(self) -> int:
        return max(1, int(self.minutes + 0.5))

    def margin(self) -> float:
        return max(2.0, self.minutes / 4)

    def accepts(self, label: int) -> bool:
        return abs(label - self.minutes) <= self.margin()

    def explain(self) -> str:
        parts = [
            f"{self.words} words at {WORDS_PER_MINUTE} a minute",
            f"{self.lines} lines of code and output at {LINES_PER_MINUTE} a minute",
        ] + [f"{page} {minutes:.1f} min" for page, minutes in self.notebooks]
        return f"{self.minutes:.1f} min ({', '.join(parts)})"


def source_of(page: str) -> str:
    """Where the text of a nav page lives: a notebook page is made from snippets/…/name.py."""
    if page.endswith(".ipynb"):
        return f"snippets/{page[: -len('.ipynb')]}.py"
    return f"docs/{page}"


def measure(page: str, root: Path) -> Reading:
    """The page (relative to docs/) as the rule counts it."""
    if page.endswith(".ipynb"):
        return _measure_notebook(root / source_of(page))
    scanned = scan(root / source_of(page), root)
    fenced: set[int] = set()
    lines = 0
    for fence in scanned.fences:
        fenced.update(range(fence.line, fence.line + len(fence.body) + 2))
        try:
            shown = expand_lines(fence.body, root)
        except SnippetMissingError:
            shown = []  # reported by the page's own check, with its line
        lines += sum(1 for line in shown if line.strip())
    words = sum(_words(line) for n, line in enumerate(scanned.lines, 1) if n not in fenced)
    notebooks = ()
    if Path(page).name == "experiment.md":
        notebooks = tuple((nb, measure(nb, root).minutes) for nb in module_notebooks(page, root))
    return Reading(words, lines, notebooks)


def _words(line: str) -> int:
    if line.strip().startswith("<!--"):
        return 0  # a marker, never shown
    return len(WORD.findall(TAG.sub(" ", line)))


def _measure_notebook(source: Path) -> Reading:
    """A notebook page from its source (a jupytext percent file): `# %% [markdown]` cells are
    prose, `# %%` cells code. What it prints is left out: it is known only once the notebook
    has trained, and a label check must not train (nor depend on which run is at hand)."""
    words = lines = 0
    markdown = None  # before the first cell marker: nothing is shown
    for line in source.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# %%"):
            markdown = "[markdown]" in line or "[md]" in line
        elif markdown:
            words += _words(line.removeprefix("#"))
        elif markdown is False and line.strip():
            lines += 1
    return Reading(words, lines)


def module_notebooks(page: str, root: Path) -> list[str]:
    """The notebook pages the nav lists in the module of `page`."""
    module = page.split("/")[0] + "/"
    return [p for _, p in nav.pages(root) if p.endswith(".ipynb") and p.startswith(module)]


@dataclass
class Place:
    """One of the three places that show a page's time: a file, its line, the minutes there."""

    path: str
    line: int
    minutes: int
    span: tuple[int, int]  # where the digits are in that line


def places(page: str, root: Path) -> dict[str, Place | None]:
    """The page's label, nav title and home link, each None where it shows no time."""
    found: dict[str, Place | None] = {}
    source = source_of(page)
    minutes = r"\((?P<minutes>\d+) min\)"
    patterns = {
        "page": (source, PAGE_TIME),
        "nav": ("mkdocs.yml", re.compile(rf'{minutes}"?:\s+{re.escape(page)}\s*$')),
        "home": (HOME, re.compile(rf"{minutes}\]\({re.escape(page)}\)")),
    }
    for name, (path, pattern) in patterns.items():
        found[name] = None
        for number, line in enumerate(_lines(root / path), 1):
            match = pattern.search(line)
            if match:
                found[name] = Place(path, number, int(match["minutes"]), match.span("minutes"))
                break
    return found


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n") if path.is_file() else []


def time_problems(page: str, root: Path) -> list[str]:
    """The page's time in its label, nav title and home link agrees, and follows the rule."""
    if page == "index.md" or page not in {p for _, p in nav.pages(root)}:
        return []
    where = places(page, root)
    reading = measure(page, root)
    source = source_of(page)
    update = f"nox -s update -- {_updated_by(page)}"
    if where["nav"] is None:
        line = next((n for n, t in enumerate(_lines(root / "mkdocs.yml"), 1) if page in t), 0)
        return [
            f"mkdocs.yml:{line}: the nav title of {page} needs a time to read: end it with "
            f'"({reading.label} min)", the time the page takes by CONTRIBUTING\'s rule'
        ]
    if where["page"] is None:
        read = " read" if Path(page).stem not in ("quiz", "practice") else ""
        return [
            f"{source}: the page has no time-to-read label. Add, under its title: "
            f'<span class="hs-time">:material-clock-outline: {reading.label} min{read}</span>'
        ]
    names = {"page": "the page", "nav": "its nav title", "home": "its home link"}
    shown = {name: place for name, place in where.items() if place is not None}
    if len({place.minutes for place in shown.values()}) > 1:
        listed = [
            f"{names[name]} ({place.path}:{place.line}: {place.minutes} min)"
            for name, place in shown.items()
        ]
        return [
            f"{source}:{where['page'].line}: the time to read differs between "
            f"{', '.join(listed[:-1])} and {listed[-1]}. Run `{update}`: it writes the time the "
            f"page takes by CONTRIBUTING's rule, {reading.label} min, in all of them"
        ]
    label = where["page"].minutes
    if reading.accepts(label) or OFF_RULE.get(page) == label:
        return []
    also = " and ".join(f"{names[n]} ({p.path}:{p.line})" for n, p in shown.items() if n != "page")
    return [
        f"{source}:{where['page'].line}: says {label} min, but by CONTRIBUTING's rule (\"Time "
        f'to read") the page takes {reading.explain()}; a label within {reading.margin():.1f} '
        f"min of that passes. Run `{update}`: it writes {reading.label} min in the page, "
        f"{also}"
    ]


def _updated_by(page: str) -> str:
    """The page whose `nox -s update` rewrites this page's labels (a notebook: its module's
    experiment page)."""
    if page.endswith(".ipynb"):
        return f"docs/{page.split('/')[0]}/experiment.md"
    return f"docs/{page}"


def write_time(page: str, root: Path) -> list[str]:
    """With `nox -s update`: write the rule's time in the three places when they disagree or
    the label is outside the margin. Returns the files rewritten."""
    if page == "index.md" or page not in {p for _, p in nav.pages(root)}:
        return []
    where = places(page, root)
    shown = [place for place in where.values() if place is not None]
    if where["page"] is None or where["nav"] is None:
        return []  # the check says what to add; nothing to rewrite yet
    label = where["page"].minutes
    same = len({place.minutes for place in shown}) == 1
    if same and (OFF_RULE.get(page) == label or measure(page, root).accepts(label)):
        return []
    minutes = measure(page, root).label
    written = []
    for place in shown:
        if place.minutes != minutes:
            _replace(root / place.path, place.line, place.span, str(minutes))
            written.append(place.path)
    if "mkdocs.yml" in written:  # the nav is read once per process
        config.site_config.cache_clear()
        nav.pages.cache_clear()
    return written


def _replace(path: Path, line: int, span: tuple[int, int], text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    old = lines[line - 1]
    lines[line - 1] = old[: span[0]] + text + old[span[1] :]
    path.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------- counts


@dataclass
class Count:
    """A count a page states of its own items, and how many there are."""

    path: str
    line: int
    said: str  # as written: "Twelve questions"
    number: str  # the number as written: "Twelve"
    span: tuple[int, int]  # where the number is in its line
    actual: int
    what: str  # "questions", "tasks", "notebooks …"
    fix: str  # what to run or write
    articles: bool = False  # "the notebook" counts one

    @property
    def stated(self) -> int | None:
        return words_to_number(self.number, self.articles)


def _matches(pattern: re.Pattern, lines: list[str], first: int, last: int):
    """(line number, span of the number in that line, match) for each match of `pattern` in
    lines[first:last], a count and its noun may be on two lines."""
    text = "\n".join(lines[first:last])
    for match in pattern.finditer(text):
        start = match.start("number")
        line = text.count("\n", 0, start)
        column = start - (text.rfind("\n", 0, start) + 1)
        yield first + line + 1, (column, column + len(match["number"])), match


def counts(page: str, root: Path) -> list[Count]:
    """Every count `page` (relative to docs/) states of its own items."""
    if page == "index.md":
        return _home_counts(root)
    lines = _lines(root / source_of(page))
    found = _intro_counts(page, lines) if page.endswith(".md") else []
    if Path(page).name == "experiment.md":
        notebooks = len(module_notebooks(page, root))
        right = {1: "'with the notebook'", 2: "'with both notebooks'"}.get(
            notebooks, f"'with {number_to_words(notebooks, 'x')} notebooks'"
        )
        for number, line in enumerate(lines):
            label = PAGE_TIME.search(line)
            if label is None:
                continue
            for line_number, span, match in _matches(NOTEBOOKS, [label[0]], 0, 1):
                shift = label.start()
                found.append(
                    Count(
                        source_of(page),
                        number + line_number,
                        re.sub(r"\s+", " ", match[0]),
                        match["number"],
                        (span[0] + shift, span[1] + shift),
                        notebooks,
                        f"notebooks of {page.split('/')[0]}/ in the nav",
                        f"write {right} in the label",
                        articles=True,
                    )
                )
            break
    return found


def _intro_counts(page: str, lines: list[str]) -> list[Count]:
    """'Twelve questions' between the title and the first question, task or section."""
    questions = sum(1 for line in lines if 'class="hs-quiz"' in line)
    tasks = sum(1 for line in lines if 'class="hs-blanks"' in line)
    if not questions and not tasks:
        return []
    end = next(
        (
            n
            for n, line in enumerate(lines)
            if n and (line.startswith("## ") or line.lstrip().startswith("<div"))
        ),
        len(lines),
    )
    found = []
    for line, span, match in _matches(ITEMS, lines, 0, end):
        if words_to_number(match["number"]) is None:
            continue
        actual, what = (questions, "questions") if match["noun"][0] in "qQ" else (tasks, "tasks")
        written = number_to_words(actual, match["number"])
        found.append(
            Count(
                f"docs/{page}",
                line,
                re.sub(r"\s+", " ", match[0]),
                match["number"],
                span,
                actual,
                what,
                f"run `nox -s update -- docs/{page}`, which writes '{written}' (or write it)",
            )
        )
    return found


def _home_counts(root: Path) -> list[Count]:
    """'with two notebooks' in a home-page item, against the notebook links listed under it."""
    lines = _lines(root / HOME)
    found = []
    for start, line in enumerate(lines):
        if not line.startswith("- ["):
            continue
        end = start + 1  # the item's text goes on over lines indented by two spaces
        while end < len(lines) and lines[end].startswith("  "):
            if lines[end].lstrip().startswith("- ["):
                break
            end += 1
        listed = 0
        while end + listed < len(lines) and lines[end + listed].startswith("    - ["):
            listed += 1
        written = f"with {number_to_words(listed, 'x')} notebook{'s' * (listed != 1)}"
        for line_number, span, match in _matches(NOTEBOOKS, lines, start, end):
            found.append(
                Count(
                    HOME,
                    line_number,
                    re.sub(r"\s+", " ", match[0]),
                    match["number"],
                    span,
                    listed,
                    "notebook links listed under it",
                    f"write '{written}'",
                    articles=True,
                )
            )
    return found


def count_problems(page: str, root: Path) -> list[str]:
    return [
        f"{c.path}:{c.line}: says '{c.said}', but there are {c.actual} {c.what}: {c.fix}"
        for c in counts(page, root)
        if c.stated != c.actual
    ]


def write_counts(page: str, root: Path) -> list[str]:
    """With `nox -s update`: rewrite a count of questions or tasks in a page's intro."""
    wrong = [
        c for c in counts(page, root) if c.what in ("questions", "tasks") and c.stated != c.actual
    ]
    for c in wrong:
        _replace(root / c.path, c.line, c.span, number_to_words(c.actual, c.number))
    return sorted({c.path for c in wrong})


def problems(page: str, root: Path) -> list[str]:
    """Every rule of this module for one page (relative to docs/); an experiment page's
    check covers its notebooks' times too, which its `nox -s update` rewrites."""
    found = time_problems(page, root) + count_problems(page, root)
    if Path(page).name == "experiment.md":
        found += [p for nb in module_notebooks(page, root) for p in time_problems(nb, root)]
    return found


def update(page: str, root: Path) -> list[str]:
    """`nox -s update` for one page: its counts, its time (and its notebooks' times, on an
    experiment page). Returns the files rewritten."""
    written = write_counts(page, root) + write_time(page, root)
    if Path(page).name == "experiment.md":
        for notebook in module_notebooks(page, root):
            written += write_time(notebook, root)
    return sorted(set(written))
