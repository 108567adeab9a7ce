"""Scaffolds: a new page, quiz question or blank task that passes the single-page check at once.

    nox -s new -- page <module>/<name> "<Title>" [--module "<Module title>"]
    nox -s new -- question docs/<module>/<page>.md q-<name> [--difficulty easy|medium|hard]
    nox -s new -- blank docs/<module>/<page>.md b-<name> [--difficulty easy|medium|hard]

A page gets its file, its snippet folder with a first example and its output, its nav entry and
its link on the home page; `--module` starts a new module. A question or a task goes after the
last one of its difficulty or an easier one on the page (pages run from easy to hard), with its
snippet. Each then runs the page once as `nox -s update` does: that writes the `.out` files
and the answer sheet from real execution, the time to read (labels.py) and the count of
questions or tasks that the page's intro states. Replace the placeholder content (`nox -s
check` fails while any is left), run `nox -s update -- docs/<module>/<page>.md` again, then
`nox -s tests -- <the same page>`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
from pathlib import Path

from . import labels, quiz
from .page import scan

ROOT = Path(__file__).resolve().parents[2]
HOME = "docs/index.md"

PAGE = """# {title}

<span class="hs-time">:material-clock-outline: {minutes} min{read}</span>

One or two sentences: what the reader can do after this page.

## A first example

What the code below shows, in one sentence.

```python
--8<-- "{snippet}.py"
```

<!--pytest-codeblocks:expected-output-->

```text
--8<-- "{snippet}.out"
```

What the output shows. A shape or a number you write here must appear in the code or the
output of this section.
"""

HOME_LINK = "- [{nav_title}]({page}): one line on what the page teaches."
# The scaffold's text that a contributor replaces: the page's own check passes with it, and
# `nox -s check` fails while any of it is left (tests/test_placeholders.py).
PLACEHOLDERS = (
    "One or two sentences: what the reader can do after this page.",
    "What the code below shows, in one sentence.",
    "What the output shows.",
    "A shape or a number you write here must appear",
    "one line on what the page teaches.",
    "**What shape does `y` have?**",
    "What does `.T` do to the order of the dimensions?",
    "**Complete the code so that it adds up each row of `x`.**",
    "Which dimension runs along a row?",
)

EXAMPLE = """import torch

torch.manual_seed(0)
x = torch.randn(2, 3)
print(tuple(x.shape))
"""

QUESTION = """
<div class="hs-quiz" id="{id}" data-key="B" data-difficulty="{difficulty}" markdown>

**What shape does `y` have?**

```python
--8<-- "{snippet}.py:question"
```

1. `(2, 3)`
2. `(3, 2)`
3. `(6,)`
4. `(3, 3)`

??? tip "Hint"
    What does `.T` do to the order of the dimensions?

??? success "Solution"
    1. **Step one.** `.T` swaps the two dimensions of a matrix.
    2. **Step two.** Print the shape to see it:

    ```python
    --8<-- "{snippet}.py"
    ```

    <!--pytest-codeblocks:expected-output-->

    ```text
    --8<-- "{snippet}.out"
    ```

    **Quick check:** Transposing reverses the order of the dimensions.

??? failure "Common mistakes"
    - `(2, 3)`: forgetting that `.T` swaps the dimensions.
    - `(6,)`: taking a transpose for a flattening; the result keeps both dimensions.
    - `(3, 3)`: taking the larger size for both dimensions.

</div>
"""

QUESTION_CODE = """# --8<-- [start:question]
import torch

x = torch.zeros(2, 3)
y = x.T
# --8<-- [end:question]
print(tuple(y.shape))
"""

BLANK = """
<div class="hs-blanks" id="{id}" data-key="1=A 2=B" data-difficulty="{difficulty}" markdown>

**Complete the code so that it adds up each row of `x`.**

```python
--8<-- "{snippet}.py"
```

| Blank | A | B | C | D |
| :---: | --- | --- | --- | --- |
| 1 | `sum` | `size` | `view` | `numel` |
| 2 | `0` | `1` | `2` | `-2` |

??? tip "Hint"
    Which dimension runs along a row?

??? success "Solution"
    `sum` adds up values; along `dim=1` it adds the entries of each row. With the blanks
    filled in, the code prints:

    <!--pytest-codeblocks:expected-output-->

    ```text
    --8<-- "{snippet}.out"
    ```

??? failure "Common mistakes"
    - `dim=0` adds up each column instead.

</div>
"""

BLANK_CODE = """import torch

x = torch.ones(2, 3)
total = x.__1__(dim=__2__)
print(tuple(total.shape))
"""


class ScaffoldError(Exception):
    """A request the scaffold cannot carry out; the message says why and what to do."""


def _write_new(path: Path, text: str) -> None:
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(ROOT)} exists already; pick another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"created {path.relative_to(ROOT)}")


def _insert_after(path: Path, line_index: int, new_lines: list[str]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line_index + 1 : line_index + 1] = new_lines
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"edited  {path.relative_to(ROOT)}")


CONCEPT = "Concept: "  # how a module's concept pages are titled, in the nav and on the page
NAV_ENTRY = r"^(?P<indent>\s+)- \"?(?P<title>[^\"]*?)\"?:\s+{module}/(?P<page>\S+)\s*$"


def module_entries(module: str) -> list[tuple[int, str, str]]:
    """(line index, title, page) of each nav entry of the module in mkdocs.yml, in order."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    entry = re.compile(NAV_ENTRY.format(module=re.escape(module)))
    return [(i, m["title"], m["page"]) for i, line in enumerate(lines) if (m := entry.match(line))]


def concept_title(module: str, title: str) -> str:
    """The module's "Concept: " prefix on a new page's title, when its concept pages have it."""
    titled = any(name.startswith(CONCEPT) for _, name, _ in module_entries(module))
    return CONCEPT + title if titled and not title.startswith(CONCEPT.strip()) else title


def after_concepts(entries: list[tuple[int, str, str]]) -> int:
    """Where a new page goes among the module's entries: after its last concept page, or else
    after the last Markdown page before the experiment page and its notebooks."""
    concepts = [i for i, title, _ in entries if title.startswith(CONCEPT.strip())]
    if concepts:
        return concepts[-1]
    before = []
    for i, _, page in entries:
        if page.endswith(".ipynb") or page == "experiment.md":
            break
        before.append(i)
    return before[-1] if before else entries[0][0] - 1


def add_to_nav(module: str, page: str, nav_title: str, module_title: str | None) -> None:
    """Insert `"nav_title": page` after the module's last concept page in mkdocs.yml's nav
    (never between its experiment page and the notebooks that follow it)."""
    path = ROOT / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    found = module_entries(module)
    quoted = '"' + nav_title.replace('"', '\\"') + '"'
    if found:
        indent = re.match(r"^\s+", lines[found[0][0]])[0]
        _insert_after(path, after_concepts(found), [f"{indent}- {quoted}: {page}"])
        return
    if not module_title:
        raise ScaffoldError(
            f'mkdocs.yml has no module {module}/ yet: name it with --module "<Module title>"'
        )
    nav_start = lines.index("nav:")
    last = max(i for i, line in enumerate(lines) if i > nav_start and line.strip())
    _insert_after(path, last, [f"  - {module_title}:", f"      - {quoted}: {page}"])


def add_to_home(module: str, page: str, nav_title: str, module_title: str | None) -> None:
    """Link the page from the home page's list of its module (a new module gets a heading)."""
    path = ROOT / HOME
    lines = path.read_text(encoding="utf-8").split("\n")
    link = HOME_LINK.format(nav_title=nav_title, page=page)
    linked = [
        i for i, line in enumerate(lines) if line.startswith("- [") and f"]({module}/" in line
    ]
    concepts = [i for i in linked if lines[i].startswith(f"- [{CONCEPT.strip()}")]
    if linked:
        # after the module's last concept page, as in the nav (or its first link, if none)
        last = concepts[-1] if concepts else linked[0]
        while last + 1 < len(lines) and lines[last + 1].startswith("  "):
            last += 1  # the link's description, or its notebooks, on the lines below
        _insert_after(path, last, [link])
        return
    if not module_title:
        raise ScaffoldError(f"{HOME} lists no module {module}/: name it with --module")
    modules = next((i for i, line in enumerate(lines) if line.startswith("## Modules")), None)
    if modules is None:
        raise ScaffoldError(f"{HOME} has no '## Modules' heading to add the module under")
    after = [i for i, line in enumerate(lines) if i > modules and line.startswith("## ")]
    end = after[0] if after else len(lines)
    at = max(i for i in range(modules, end) if lines[i].strip())
    _insert_after(
        path,
        at,
        ["", f"### {module_title}", "", "One sentence on what the module teaches.", "", link],
    )


def new_page(args: argparse.Namespace) -> list[Path]:
    name = args.name.strip("/").removesuffix(".md")
    if not re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", name):
        raise ScaffoldError(
            f"{args.name!r}: write <module>/<page>, lowercase with dashes, e.g. rnn-layer/cell"
        )
    module = name.split("/")[0]
    page = f"{name}.md"
    snippet = f"snippets/{name}/example"
    title = concept_title(module, args.title)
    # "12 min read" on a page to read; "20 min" on a quiz or practice page, timed as its task
    read = "" if name.split("/")[1] in ("quiz", "practice") else " read"
    text = PAGE.format(title=title, minutes="{minutes}", read=read, snippet=snippet)
    _write_new(ROOT / "docs" / page, text)
    _write_new(ROOT / f"{snippet}.py", EXAMPLE)
    # The time to read, by CONTRIBUTING's rule (labels.py); `nox -s update` keeps it so.
    minutes = labels.measure(page, ROOT).label
    (ROOT / "docs" / page).write_text(text.replace("{minutes}", str(minutes)), encoding="utf-8")
    nav_title = f"{title} ({minutes} min)"
    add_to_nav(module, page, nav_title, args.module)
    add_to_home(module, page, nav_title, args.module)
    return [ROOT / "docs" / page]


def new_block(args: argparse.Namespace, kind: str) -> list[Path]:
    page = ROOT / args.page
    prefix, template, code = (
        ("q", QUESTION, QUESTION_CODE)
        if kind == "question"
        else (
            "b",
            BLANK,
            BLANK_CODE,
        )
    )
    if not page.is_file() or page.suffix != ".md":
        raise ScaffoldError(
            f"{args.page}: no such page; create it first: nox -s new -- page <module>/<name> "
            '"<Title>"'
        )
    if not re.fullmatch(rf"{prefix}-[a-z0-9-]+", args.id):
        raise ScaffoldError(f"{args.id!r}: a {kind} id looks like {prefix}-some-name")
    text = page.read_text(encoding="utf-8")
    if f'id="{args.id}"' in text:
        raise ScaffoldError(f"{args.page}: the id {args.id} is already used on this page")
    folder = Path("snippets") / page.relative_to(ROOT / "docs").with_suffix("")
    # A blank template names its blanks __1__, …: pyproject.toml lets ruff accept them in
    # practice/ and in blank_*.py files elsewhere (CONTRIBUTING names the file the same way).
    name = args.id[2:].replace("-", "_")
    mark = "blank_" if kind == "blank" and folder.name != "practice" else ""
    snippet = f"{folder}/{mark}{name}"
    _write_new(ROOT / f"{snippet}.py", code)
    block = template.format(id=args.id, snippet=snippet, difficulty=args.difficulty)
    lines = text.rstrip("\n").split("\n")
    at = place(page, f"hs-{'quiz' if kind == 'question' else 'blanks'}", args.difficulty)
    before = [""] if at and lines[at - 1].strip() else []  # a blank line on either side
    after = [""] if at < len(lines) and lines[at].strip() else []
    lines[at:at] = before + block.strip("\n").split("\n") + after
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"edited  {args.page}: the {kind} starts at line {at + len(before) + 1}")
    return [page]


def place(page: Path, kind: str, difficulty: str) -> int:
    """The index in the page's lines where a new block of `kind` goes: after the last block of
    that kind whose difficulty is the same or easier, else before the first one, else at the
    end (a page runs from easy to hard)."""
    found = [b for b in quiz.blocks(scan(page, ROOT)) if b.kind == kind]
    rank = quiz.DIFFICULTIES.index
    easier = [b for b in found if rank(b.attrs.get("data-difficulty", "hard")) <= rank(difficulty)]
    if easier:
        return easier[-1].end  # the line after the closing </div>
    if found:
        return found[0].line - 1
    return len(page.read_text(encoding="utf-8").rstrip("\n").split("\n"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="nox -s new --", description=__doc__.split("\n")[0])
    kinds = parser.add_subparsers(dest="kind", required=True)
    page = kinds.add_parser(
        "page",
        help="a new page, with its nav entry, its time to read and its home-page link",
        description="A new page that passes the checks as it is. Its time to read is written "
        "for you (and rewritten by `nox -s update` as the page grows).",
    )
    page.add_argument("name", help="<module>/<page>, e.g. rnn-layer/cell")
    page.add_argument(
        "title",
        help='the page title, e.g. "nn.RNNCell, one step at a time". Leave out "Concept: ": in '
        "a module whose concept pages are titled so, the scaffold adds it (and places the page "
        "after the last of them); so write it in lower case unless it starts with a name",
    )
    page.add_argument("--module", help="title of a new module, when <module> is new")
    for kind in ("question", "blank"):
        sub = kinds.add_parser(
            kind,
            help=f"a {kind} added to a page among those of its difficulty, with its snippet",
        )
        sub.add_argument("page", help="docs/<module>/<page>.md")
        sub.add_argument("id", help=f"{kind[0] if kind == 'blank' else 'q'}-<name>")
        sub.add_argument(
            "--difficulty",
            choices=quiz.DIFFICULTIES,
            default="easy",
            help="easy: recall one fact; medium: apply one rule; hard: combine two rules or spot "
            "a trap (default easy). It goes after the last one as hard or easier",
        )
    args = parser.parse_args(argv)
    try:
        pages = new_page(args) if args.kind == "page" else new_block(args, args.kind)
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    # Outputs and answer sheets come from real execution, as `nox -s update` writes them.
    targets = [str(p.relative_to(ROOT)) for p in pages]
    code, printed = update(targets)
    named = " ".join(targets)
    if code:
        print(printed[-3000:])
        print(
            f"\nThe files above were written, but the page does not pass yet: fix what is named "
            f"above (it may be in what you wrote before), then run\n"
            f"  python3 -m nox -s update -- {named}"
        )
        return code
    wrote = (
        "its output and time to read"
        if args.kind == "page"
        else ("its output and answer sheet, and the page's time to read and count of items")
    )
    print(f"\nwrote {wrote}. Next (CONTRIBUTING.md):")
    print("  replace the placeholders, then")
    print(f"  python3 -m nox -s update -- {named} && git diff")
    print(f"  python3 -m nox -s tests -- {named}")
    return 0


def update(targets: list[str]) -> tuple[int, str]:
    """`nox -s update -- targets` in this process, its output kept: one Python and one torch
    import, not two (in the scaffold tests' fork server, none). What the engine read once per
    process (mkdocs.yml, the nav, the list of snippets) is read again: the scaffold changed it."""
    import pytest

    for name, module in list(sys.modules.items()):
        if name.startswith("engine."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    printed = io.StringIO()
    os.chdir(ROOT)
    with contextlib.redirect_stdout(printed):
        code = pytest.main([*targets, "--update-outputs", "-q", "-p", "no:cacheprovider"])
    return int(code), printed.getvalue()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
