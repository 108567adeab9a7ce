"""Read a Markdown page as written and list its fences, its includes and its mistakes.

This is the contributor-facing half of the engine: it works on the raw page, so every problem it
reports carries the page's own line number. What runs is decided later, on the expanded page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})(?P<info>.*)$")
INCLUDE = re.compile(r'^[ \t]*-+8<-+[ \t]+"(?P<target>[^"]*)"[ \t]*$')
ATTR = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')  # name="value" in an HTML tag
DIRECTIVE = re.compile(r"<!--[-\s]*(pytest-codeblocks:|pytest\.mark\.)(?P<word>.*?)[-\s]*-->")
OUTPUT_MARKER = "<!--pytest-codeblocks:expected-output-->"
SNIPPETS = "snippets/"


@dataclass
class Fence:
    line: int  # 1-based line of the opening fence in the page as written
    info: str  # everything after the backticks, e.g. "python" or "text"
    body: list[str]
    is_output: bool = False  # preceded by the expected-output marker
    includes: list[str] = field(
        default_factory=list
    )  # targets as written, "path" or "path:section"
    output: Fence | None = None  # the expected-output block that belongs to this code block

    @property
    def lang(self) -> str:
        return self.info.split()[0] if self.info.strip() else ""

    @property
    def files(self) -> list[str]:
        """Included files, without a section or line-range suffix."""
        return [target_file(t) for t in self.includes]


@dataclass
class Page:
    path: Path  # relative to the project root, e.g. docs/why-rnns/quick-intro.md
    lines: list[str]
    fences: list[Fence]
    problems: list[str]  # "docs/x.md:12: what is wrong and how to fix it"

    @property
    def code_fences(self) -> list[Fence]:
        return [f for f in self.fences if not f.is_output]


def target_file(target: str) -> str:
    """'snippets/a.py:section' or 'snippets/a.py:3:9' -> 'snippets/a.py'."""
    path, _, _ = target.partition(":")
    return path


def scan(path: Path, root: Path) -> Page:
    rel = path.relative_to(root)
    lines = path.read_text(encoding="utf-8").split("\n")
    fences: list[Fence] = []
    problems: list[str] = []

    def problem(line: int, text: str) -> None:
        problems.append(f"{rel}:{line}: {text}")

    pending_output: int | None = None  # line of an expected-output marker waiting for its fence
    i = 0
    while i < len(lines):
        line = lines[i]
        directive = DIRECTIVE.search(line)
        if directive:
            if line.strip() != OUTPUT_MARKER:
                problem(
                    i + 1,
                    f"'{line.strip()}' is not allowed: nothing may be skipped or marked, and the "
                    f"only directive is {OUTPUT_MARKER}; delete it",
                )
            elif not [f for f in fences if not f.is_output]:
                problem(i + 1, f"{OUTPUT_MARKER} has no code block before it on this page")
            elif fences[-1].is_output:
                problem(
                    i + 1,
                    f"{OUTPUT_MARKER} follows another output block; each code block has one output",
                )
            else:
                pending_output = i + 1
            i += 1
            continue

        match = FENCE.match(line)
        if not match:
            i += 1
            continue

        mark, info, start = match["mark"], match["info"].strip(), i
        body = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(mark):
            body.append(lines[i])
            i += 1
        if i == len(lines):
            problem(start + 1, f"the fence {mark}{info} is never closed")
        i += 1

        fence = Fence(line=start + 1, info=info, body=body, is_output=pending_output is not None)
        owner = [f for f in fences if not f.is_output][-1] if fence.is_output else None
        if owner:
            owner.output = fence
        pending_output = None
        fences.append(fence)
        check_fence(fence, mark, problem)
        # A typo in the code's include is reported as a missing file (expand.py), not as an
        # output block that names the wrong .out.
        if owner and owner.files and len(fence.files) == 1 and (root / owner.files[0]).is_file():
            check_output_file(fence, owner, problem)

    if pending_output is not None:
        problem(pending_output, f"{OUTPUT_MARKER} is not followed by an output block")
    return Page(rel, lines, fences, problems)


def check_output_file(output: Fence, code: Fence, problem) -> None:
    """The output block shows the .out file beside its code. `nox -s update` writes what the code
    prints into that file: naming any other file would overwrite it, a snippet included."""
    beside = str(PurePosixPath(code.files[0]).with_suffix(".out"))
    if output.files[0] != beside:
        problem(
            output.line,
            f"this output block includes {output.files[0]}, but what {code.files[0]} prints "
            f"lives beside it, in {beside}: include {beside}",
        )


def check_fence(fence: Fence, mark: str, problem) -> None:
    """Record why a fence would be skipped, shown inline, or included from the wrong place."""
    text = [b.strip() for b in fence.body if b.strip()]
    includes = [INCLUDE.match(b) for b in text]
    fence.includes = [m["target"] for m in includes if m]
    where = fence.line

    if mark.startswith("~"):
        problem(where, "use backtick fences (```); pytest-codeblocks never runs ~~~ blocks")
        return
    if fence.is_output:
        if fence.info != "text":
            problem(where, f"an output block must be ```text, not ```{fence.info}")
        if len(text) != 1 or len(fence.includes) != 1:
            problem(
                where, 'an output block holds exactly one include: --8<-- "snippets/…/name.out"'
            )
    elif fence.info != "python":
        if fence.lang in {"py", "python", "python3", "py3", "pycon", "ipython"}:
            hint = (
                "the runner only runs blocks whose info string is exactly 'python'"
                if fence.lang != "python"
                else "pytest-codeblocks skips a block whose info string is more than 'python'"
            )
            problem(where, f"```{fence.info} would be silently skipped: {hint}; write ```python")
        else:
            problem(
                where,
                f"```{fence.info or '(no language)'} is never executed: pages hold ```python "
                f"blocks included from {SNIPPETS}, each optionally followed by {OUTPUT_MARKER} "
                "and a ```text output block",
            )
        return
    elif not text:
        problem(where, f"empty code block: include a file from {SNIPPETS}")
    elif not all(includes):
        problem(
            where,
            f"code written inline: move it to a file in {SNIPPETS} and include it with "
            '--8<-- "snippets/…/name.py"',
        )
    for target in fence.includes:
        if not target_file(target).startswith(SNIPPETS):
            problem(where, f"'{target}' is outside {SNIPPETS}; every shown file lives there")
