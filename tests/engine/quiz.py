"""Read quiz questions and fill-in-the-blank tasks from a page as written, and check their form.

The markup is described in CONTRIBUTING.md ("A quiz question or a blank task"). This module
only reads the raw page, so every problem carries the page's own line number; proving keys by
running code is the job of prove.py.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import markdown

from .page import ATTR, Fence, Page

# Any <div> whose class names hs-quiz or hs-blanks, whatever the order of its attributes.
DIV = re.compile(r'^\s*<div\b(?P<attrs>[^>]*\bclass="[^"]*\b(?P<kind>hs-quiz|hs-blanks)\b[^>]*)>')
OPTION = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>\S.*)$")
ADMONITION = re.compile(r'^\?\?\?\+?\s+(?P<type>\w+)\s+"(?P<title>[^"]*)"\s*$')
# "**Final answer:** …": the site derives this line from data-key, so a page never writes it.
FINAL = re.compile(r"^\s*\*\*Final answer:?\*\*")
# A Quick check that names a letter ("**Quick check:** C - why"); the reason alone is fine.
QUICK = re.compile(r"^\s*\*\*Quick check:\*\*\s+(?P<letter>[A-Z])\s*[-\u2013\u2014:]")
ROW = re.compile(r"^\|(?P<cells>.*)\|\s*$")
CODE_SPAN = re.compile(r"^`(?P<code>[^`]+)`$")
BLANK = re.compile(r"__(?P<number>\d+)__")
KEY_PAIR = re.compile(r"^(?P<blank>\d+)=(?P<letter>[A-Z])$")

LETTERS = "ABCDEFGH"
DIFFICULTIES = ("easy", "medium", "hard")
# The three collapsible blocks every question and task has, in this order.
SECTIONS = (("tip", "Hint"), ("success", "Solution"), ("failure", "Common mistakes"))


@dataclass
class Option:
    line: int
    raw: str  # as written, e.g. "`(4, 2, 3)`"
    text: str  # as the reader sees it, e.g. "(4, 2, 3)"

    @property
    def code(self) -> str | None:
        """The option's code when the option is exactly one inline-code span."""
        match = CODE_SPAN.match(self.raw.strip())
        return match["code"] if match else None


@dataclass
class Block:
    """One hs-quiz question or hs-blanks task, as written on the page."""

    kind: str  # "hs-quiz" or "hs-blanks"
    line: int  # line of the opening <div>
    end: int  # line of the closing </div>
    attrs: dict[str, str]
    fences: list[Fence]  # code fences inside the div, in page order
    options: list[Option] = field(default_factory=list)  # questions
    rows: dict[int, list[Option]] = field(default_factory=dict)  # tasks: blank -> options
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)  # title -> line range
    final: int | None = None  # line of a "**Final answer:**" written by hand (refused)
    quick: int | None = None  # line of a "**Quick check:** X - …" that names a letter (refused)
    notes: list[tuple[int | None, str]] = field(default_factory=list)  # found while reading

    @property
    def id(self) -> str:
        return self.attrs.get("id", "")

    @property
    def key(self) -> str:
        return self.attrs.get("data-key", "")

    def label(self, page: Page, line: int | None = None) -> str:
        noun = "question" if self.kind == "hs-quiz" else "task"
        return f"{page.path}:{line or self.line}: {noun} {self.id or '(no id)'}"

    def keys(self) -> dict[int, str]:
        """A task's data-key "1=A 2=C" as {1: "A", 2: "C"}; pairs that do not parse are left out."""
        pairs = [KEY_PAIR.match(p) for p in self.key.split()]
        return {int(m["blank"]): m["letter"] for m in pairs if m}

    def run(self) -> Fence | None:
        """The proof run: the code fence whose output block is shown in the Solution."""
        start, end = self.sections.get("Solution", (0, 0))
        runs = [f for f in self.fences if f.output is not None and start < f.output.line < end]
        return runs[-1] if runs else None

    def template(self) -> Fence | None:
        """A task's code with blanks: its first code fence."""
        return self.fences[0] if self.fences else None


def plain(markdown_text: str) -> str:
    """The text a reader sees for one line of Markdown: inline code without backticks, and so on."""
    rendered = markdown.markdown(markdown_text.strip())
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


def blocks(page: Page) -> list[Block]:
    """Every question and task on the page, with its parts located."""
    found = []
    for number, line in enumerate(page.lines, 1):
        match = DIV.match(line)
        if match:
            found.append(_read(page, number, match["kind"], match["attrs"]))
    return found


def _read(page: Page, start: int, kind: str, attrs: str) -> Block:
    end = _closing_div(page, start)
    inside = [f for f in page.fences if start < f.line < end]
    values = {m["name"]: m["value"] for m in ATTR.finditer(attrs)}
    if re.search(r"(^|\s)markdown(\s|$)", ATTR.sub("", attrs)):
        values["markdown"] = ""  # the bare attribute md_in_html needs
    block = Block(kind, start, end, values, inside)
    fenced = {n for f in inside for n in range(f.line, f.line + len(f.body) + 2)}
    title = None
    for number in range(start + 1, end):
        line = page.lines[number - 1]
        if number in fenced:
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            if title:
                block.sections[title] = (block.sections[title][0], number)
            title = admonition["title"]
            block.sections[title] = (number, end)
            continue
        if title:  # close the previous section where this one's text stops being indented
            if line.strip() and not line.startswith((" ", "\t")):
                block.sections[title] = (block.sections[title][0], number)
                title = None
            elif title == "Solution":
                _read_answer(block, number, line)
                continue
        if kind == "hs-quiz":
            _read_option(block, number, line)
        else:
            _read_row(block, number, line)
    if end > len(page.lines):
        block.notes.append((None, "the <div> is never closed: end it with a line </div>"))
    for title, (first, last) in block.sections.items():
        if not any(page.lines[n - 1].strip() for n in range(first + 1, last)):
            block.notes.append(
                (first, f'"{title}" is empty: write it on the lines below, indented four spaces')
            )
    return block


def _closing_div(page: Page, start: int) -> int:
    depth = 0
    for number in range(start, len(page.lines) + 1):
        stripped = page.lines[number - 1].strip()
        depth += stripped.startswith("<div") - stripped.startswith("</div>")
        if depth == 0:
            return number
    return len(page.lines) + 1


def _read_option(block: Block, number: int, line: str) -> None:
    match = OPTION.match(line)
    if not match:
        after_option = block.options and number == block.options[-1].line + 1
        if after_option and line.strip() and not block.sections:
            block.notes.append((number, "write each option on one line"))
        return
    # The options are the first ordered list: items after a gap in the list are not options.
    if block.options and number - block.options[-1].line > 2:
        return
    block.options.append(Option(number, match["text"], plain(match["text"])))


def _read_row(block: Block, number: int, line: str) -> None:
    match = ROW.match(line)
    if not match:
        return
    cells = [c.strip() for c in match["cells"].split("|")]
    if cells[0].isdigit():
        block.rows[int(cells[0])] = [Option(number, c, plain(c)) for c in cells[1:]]


def _read_answer(block: Block, number: int, line: str) -> None:
    if FINAL.match(line):
        block.final = number
    if QUICK.match(line):
        block.quick = number


def check_page(page: Page, found: list[Block]) -> list[str]:
    """Located problems with the form of the page's questions and blank tasks (`blocks(page)`)."""
    problems = []
    seen: dict[str, int] = {}
    for block in found:
        if block.id in seen:
            problems.append(
                f"{block.label(page)}: id already used at line {seen[block.id]}; give this one "
                "a new id (never rename a published one: readers' progress is stored under it)"
            )
        seen.setdefault(block.id, block.line)
        check = _check_question if block.kind == "hs-quiz" else _check_task
        problems += [f"{block.label(page, line)}: {text}" for line, text in check(block)]
    return problems + key_balance(page, found)


def key_balance(page: Page, found: list[Block]) -> list[str]:
    """No letter holds more than 40% of a page's question keys, nor of its blank keys (counted
    over every blank of every task), rounded up (5 of 12, 6 of 13): a reader who always picks
    one letter must not pass the quiz or the practice."""
    questions = [(b, b.id, b.key) for b in found if b.kind == "hs-quiz" and b.key in LETTERS]
    blanks = [
        (b, f"{b.id} blank {number}", letter)
        for b in found
        if b.kind == "hs-blanks"
        for number, letter in sorted(b.keys().items())
    ]
    return _balance(page, "questions", "two options", questions) + _balance(
        page, "blanks", "two options of its row (two columns of the table)", blanks
    )


def _balance(page: Page, noun: str, swap: str, keyed: list[tuple[Block, str, str]]) -> list[str]:
    limit = -(-2 * len(keyed) // 5)  # 40%, rounded up
    problems = []
    for letter in LETTERS:
        holding = [(block, name) for block, name, key in keyed if key == letter]
        if len(holding) > limit:
            problems.append(
                f"{page.path}:{holding[0][0].line}: {len(holding)} of the {len(keyed)} {noun} "
                f"have the key {letter} ({', '.join(name for _, name in holding)}); at most "
                f"{limit} may (40%, rounded up). Move the right option of "
                f"{len(holding) - limit} of them to another letter: swap {swap}, set "
                "data-key, make letters named in the Solution and Common mistakes follow, then "
                "run `nox -s update` to rewrite the answer sheet"
            )
    return problems


def _check_common(block: Block, prefix: str) -> list[tuple[int | None, str]]:
    problems = list(block.notes)
    if not re.fullmatch(rf"{prefix}-[a-z0-9-]+", block.id):
        problems.append((None, f'id must look like "{prefix}-some-name" (lowercase, dashes)'))
    if block.attrs.get("data-difficulty") not in DIFFICULTIES:
        problems.append((None, f"data-difficulty must be one of {', '.join(DIFFICULTIES)}"))
    if "markdown" not in block.attrs:
        problems.append((None, "the <div> needs the bare `markdown` attribute (md_in_html)"))
    titles = list(block.sections)
    wanted = [title for _, title in SECTIONS]
    if titles != wanted:
        problems.append(
            (None, f"needs exactly these collapsible blocks, in this order: {_as_markup()}")
        )
    return problems


def _as_markup() -> str:
    return ", ".join(f'??? {kind} "{title}"' for kind, title in SECTIONS)


def _check_question(block: Block) -> list[tuple[int | None, str]]:
    problems = _check_common(block, "q")
    letters = LETTERS[: len(block.options)]
    if len(block.options) < 2:
        return [*problems, (None, "needs an ordered list of at least two options (1. … 2. …)")]
    if block.key not in letters:
        problems.append((None, f'data-key="{block.key}" is not one of the options {letters}'))
    texts = [o.text for o in block.options]
    for index, option in enumerate(block.options):
        if option.text in texts[:index]:
            first = LETTERS[texts.index(option.text)]
            problems.append(
                (
                    option.line,
                    f"option {LETTERS[index]} has the same text as option {first}; make it "
                    "another mistake",
                )
            )
    problems += _check_answer_lines(block)
    return problems


def _check_answer_lines(block: Block) -> list[tuple[int | None, str]]:
    """The key is written once, in data-key: the page's script shows "Final answer: C - <the
    option>" at the end of the Solution, so a letter written anywhere else could only drift."""
    problems: list[tuple[int | None, str]] = []
    if block.final is not None:
        problems.append(
            (
                block.final,
                "delete this **Final answer:** line: the site writes it from data-key and the "
                "key's option",
            )
        )
    if block.quick is not None:
        problems.append(
            (
                block.quick,
                "write **Quick check:** without a letter (just the reason): the key is written "
                "once, in data-key",
            )
        )
    return problems


def _check_task(block: Block) -> list[tuple[int | None, str]]:
    problems = _check_common(block, "b")
    if not block.fences:
        return [*problems, (None, "needs a ```python block whose code holds the blanks __1__, …")]
    if list(block.rows) != list(range(1, len(block.rows) + 1)) or not block.rows:
        problems.append((None, "the table needs one row per blank, numbered 1, 2, … in order"))
    keys = block.keys()
    if len(keys) != len(block.key.split()) or sorted(keys) != sorted(block.rows):
        problems.append(
            (None, f'data-key="{block.key}" must name one option per blank, e.g. "1=A 2=C"')
        )
    for number, options in block.rows.items():
        row_line = options[0].line if options else block.line
        for letter, option in zip(LETTERS, options, strict=False):
            if option.code is None:
                problems.append(
                    (row_line, f"blank {number}, option {letter}: write it as one `code` span")
                )
        codes = [o.code for o in options]
        if len(set(codes)) != len(codes):
            problems.append((row_line, f"blank {number}: two options are the same; change one"))
        if number in keys and keys[number] not in LETTERS[: len(options)]:
            problems.append((row_line, f"blank {number}: key {keys[number]} is not an option"))
    if block.run() is None:
        problems.append(
            (
                None,
                "the Solution needs the filled-in code's output: inside it, add "
                "<!--pytest-codeblocks:expected-output--> and a ```text block including the .out "
                "beside the task's snippet (as `nox -s new -- blank` writes it)",
            )
        )
    return problems


def filled(block: Block, code: str, choice: dict[int, str] | None = None) -> str:
    """A task's code with each __N__ replaced by the chosen option (by default, the key)."""
    letters = {**block.keys(), **(choice or {})}

    def substitute(match: re.Match) -> str:
        number = int(match["number"])
        options = block.rows.get(number, [])
        index = LETTERS.find(letters.get(number, "?"))
        if index < 0 or index >= len(options) or options[index].code is None:
            return match[0]  # left as written: the run fails with a NameError naming it
        return options[index].code or ""

    return BLANK.sub(substitute, code)


def prepare_code(found: list[Block], fence: Fence, code: str) -> str:
    """The code to run for a fence: a blank task's template gets its key filled in."""
    for block in found:
        if block.kind == "hs-blanks" and block.template() is fence:
            return filled(block, code)
    return code
