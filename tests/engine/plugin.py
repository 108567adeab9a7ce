"""pytest plugin: every page in docs/ becomes a test file, every code block on it a test.

Loaded with `-p engine.plugin` (see pyproject.toml). A page's blocks are taken from the page as
the site renders it (includes expanded), run, and their output compared with the output the
page shows. `--update-outputs` writes the printed output into the .out files instead.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

from . import (
    bands,
    equations,
    figures,
    kernels,
    labels,
    notebooks,
    prose,
    quiz,
    sheet,
    snapshot,
    structure,
)
from .compare import diff, written_output
from .expand import expand, expand_lines, indented_code
from .page import Fence, Page, scan, target_file
from .prove import EXECUTION, prove_question, prove_task
from .run import execute, other_thread_count

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


class Failure(Exception):
    """A located, contributor-facing failure: its message is the whole report."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="write what each block prints into its .out file instead of comparing",
    )
    parser.addoption(
        "--site-dir",
        default=None,
        help="tests/site: test this built site instead of building one (nox -s docs passes site)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.option.codeblocks:
        raise pytest.UsageError(
            "--codeblocks would run the pages without expanding their includes; "
            "the pages in docs/ are collected and expanded by tests/engine already"
        )
    config.stash[STATS] = {
        "pages": 0,
        "executed": 0,
        "compared": 0,
        "figures": 0,
        "updated": [],
        "proofs": [],  # one prove.Proof per question or task
        "equations": {},  # page -> [display equations proven, failed, notation]
        "equation_lines": 0,  # `lhs = rhs` lines of the proven ones
        "equation_runs": 0,  # their comparisons with PyTorch, over seeds and sizes
        "failed": set(),  # pages with a failed item: --update-outputs keeps their sheets
    }


STATS = pytest.StashKey[dict]()


def pytest_report_header(config: pytest.Config) -> str:
    """The first lines of every run name the CPU and kernel path the experiments run on."""
    return f"experiments run on {kernels.describe()}"


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if file_path.suffix == ".md" and DOCS in file_path.parents:
        return PageFile.from_parent(parent, path=file_path)
    return None


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    stats = config.stash.get(STATS, None)
    if not stats or not stats["pages"]:
        return
    terminalreporter.write_sep("-", "Hidden State docs")
    terminalreporter.write_line(
        f"{stats['pages']} page{'s' * (stats['pages'] != 1)}: "
        f"executed {stats['executed']} code blocks, "
        f"compared {stats['compared']} outputs, checked {stats['figures']} stated figures"
    )
    proofs = [p for p in stats["proofs"] if not p.problems]  # failures are reported above
    if stats["proofs"]:
        by_execution = sum(p.how == EXECUTION for p in proofs)
        failed = len(stats["proofs"]) - len(proofs)
        raised, printed = sum(p.raised for p in proofs), sum(p.printed_else for p in proofs)
        terminalreporter.write_line(
            f"{len(stats['proofs'])} quiz keys (questions and blank tasks): {by_execution} "
            f"proved by execution, {len(proofs) - by_execution} only structurally"
            + (f", {failed} FAILED" if failed else "")
            + f"; {raised + printed} wrong blank options proven wrong "
            f"({raised} raise, {printed} print something else)"
        )
        if config.option.verbose > 0:
            for line in (line for p in proofs for line in p.report):
                terminalreporter.write_line(f"  {line}")
    if stats["equations"]:
        proven, failed, notation = (
            sum(n[i] for n in stats["equations"].values()) for i in range(3)
        )
        terminalreporter.write_line(
            f"{proven + failed + notation} display equations on {len(stats['equations'])} page"
            f"{'s' * (len(stats['equations']) != 1)}: "
            f"{proven} proven against PyTorch ({stats['equation_lines']} equations, "
            f"{stats['equation_runs']} comparisons over seeds and sizes), {notation} notation"
            + (f", {failed} FAILED" if failed else "")
        )
        for page, (proven, failed, notation) in sorted(stats["equations"].items()):
            terminalreporter.write_line(
                f"  {page}: {proven} proven, {notation} notation"
                + (f", {failed} failed" if failed else "")
            )
    ran = [r for key in ("passed", "failed", "error") for r in terminalreporter.stats.get(key, [])]
    if not any(report.nodeid.startswith("tests/") for report in ran):  # a single-page check
        terminalreporter.write_line(
            "left to `nox -s check`: the site-wide tests in tests/ (orphan snippets and sheets, "
            "notebook prose, guard and scaffold runs); to `nox -s docs`: the built site"
        )
    for path in dict.fromkeys(stats["updated"]):
        terminalreporter.write_line(f"updated {path}")
    if config.option.update_outputs:
        terminalreporter.write_line(
            f"{len(set(stats['updated']))} files rewritten; review them with `git diff`"
        )


class PageFile(pytest.File):
    def collect(self):
        stats = self.config.stash[STATS]
        stats["pages"] += 1
        if self.config.option.update_outputs:
            # The time to read and the counts the page states, rewritten from its content
            # before it is read (again once its outputs are rewritten: LabelsItem).
            stats["updated"] += labels.update(_rel(self.path).removeprefix("docs/"), ROOT)
        page = scan(self.path, ROOT)
        if self.config.option.update_outputs:
            _create_missing_outputs(page)
        problems = list(page.problems)
        expanded = ""
        if not problems:
            expanded, missing = expand(page, ROOT)
            problems += missing
        if not problems:
            problems += indented_code(page, expanded, ROOT)
        blocks: list[CodeBlock] = []
        if not problems:
            try:
                blocks = extract_from_buffer(io.StringIO(expanded))
            except RuntimeError as err:
                problems.append(f"{page.path}: pytest-codeblocks cannot read the page: {err}")
        if not problems and len(blocks) != len(page.code_fences):
            problems.append(
                f"{page.path}: an include outside a code block brought its own code blocks in; "
                "include files only inside fences"
            )
        questions = quiz.blocks(page)  # read once; the checks, runs and proofs share them
        problems += quiz.check_page(page, questions)
        marks, figure_problems = figures.scan(
            figures.prose_lines("\n".join(page.lines)), str(page.path)
        )
        problems += figure_problems
        updating = self.config.option.update_outputs
        numbers = prose.page_numbers(page, questions)  # every number its running text states
        if not updating:  # with --update-outputs, SheetsItem rewrites them once all else passed
            problems += sheet.check(page, questions, ROOT)
            if not marks:  # with figures, FiguresItem checks the sheet after them
                problems += figures.check_sheet(str(page.path), marks, ROOT, numbers=numbers)
        # Numbers in prose are bound to the code and output the page shows. With
        # --update-outputs, ProseItem checks them after the blocks have rewritten the outputs,
        # so that prose written for the new output passes in the same run.
        # every $$ block: checked or notation
        displays, equation_problems = equations.scan(page, _binding_names)
        proven = equations.proven_lines(displays)
        if expanded and not updating:
            problems += prose.page_problems(
                page, questions, lambda ls: expand_lines(ls, ROOT), proven
            )
        shown = {f for fence in page.fences for f in fence.files if (ROOT / f).is_file()}
        for name in sorted(f for f in shown if f.endswith(".py")):
            problems += prose.comment_problems(ROOT / name, name)
        # The nav, the home page, time labels, ruff and orphans, for this page only; the
        # whole-site tests in tests/ apply the same rules to every page.
        notebook_sources = {e.rel_source for e in notebooks.experiments()}
        problems += structure.page_problems(
            str(page.path.relative_to("docs")), shown | notebook_sources, ROOT
        )
        problems += equation_problems

        yield StructureItem.from_parent(self, name="structure", problems=problems)
        if problems:
            return
        for block, fence in zip(blocks, page.code_fences, strict=True):
            yield BlockItem.from_parent(
                self,
                name=f"line {fence.line}",
                page=page,
                fence=fence,
                block=block,
                questions=questions,
            )
        shown = {
            fence.line: block.code for block, fence in zip(blocks, page.code_fences, strict=True)
        }
        for question in questions:
            template = question.template() if question.kind == "hs-blanks" else None
            yield ProofItem.from_parent(
                self,
                name=question.id,
                page=page,
                question=question,
                code=shown[template.line] if template else "",
            )
        if displays:
            counts = self.config.stash[STATS]["equations"].setdefault(str(page.path), [0, 0, 0])
            counts[2] += sum(d.kind == "notation" for d in displays)
        for display in (d for d in displays if d.kind == "equation"):
            yield EquationItem.from_parent(
                self, name=f"equation {display.binding} (line {display.line})", display=display
            )
        if marks:
            yield FiguresItem.from_parent(self, name="figures", marks=marks, numbers=numbers)
        if updating:
            yield ProseItem.from_parent(
                self, name="prose", page=page, questions=questions, proven=proven
            )
            yield SheetsItem.from_parent(
                self, name="sheets", page=page, questions=questions, marks=marks, numbers=numbers
            )
            yield LabelsItem.from_parent(self, name="labels")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and STATS in item.config.stash:
        item.config.stash[STATS]["failed"].add(Path(item.path))
    return report


class SheetsItem(pytest.Item):
    """With --update-outputs: rewrite the page's answer and number sheets, last, and only if
    every run, proof and figure of the page passed (a sheet records what was proven)."""

    def __init__(self, *, page: Page, questions: list[quiz.Block], marks, numbers, **kwargs):
        super().__init__(**kwargs)
        self.page, self.questions, self.marks, self.numbers = page, questions, marks, numbers

    def runtest(self) -> None:
        stats = self.config.stash[STATS]
        if Path(self.path) in stats["failed"]:
            raise Failure(
                f"{self.page.path}: its answer and number sheets were not rewritten, because a "
                "run, a proof or a figure of this page failed above: fix that, then update again"
            )
        if sheet.update(self.page, self.questions, ROOT):
            stats["updated"].append(str(sheet.sheet_path(self.page)))
        before = snapshot.read(ROOT / figures.sheet_path(str(self.page.path)))
        figures.check_sheet(str(self.page.path), self.marks, ROOT, True, self.numbers)
        if snapshot.read(ROOT / figures.sheet_path(str(self.page.path))) != before:
            stats["updated"].append(str(figures.sheet_path(str(self.page.path))))

    def repr_failure(self, excinfo):
        return _report(excinfo, super().repr_failure)

    def reportinfo(self):
        return self.path, 0, f"{_rel(self.path)}: answer and number sheets"


class LabelsItem(pytest.Item):
    """With --update-outputs: the page's time to read once its outputs are rewritten, in its
    label, nav title and home link (labels.py); skipped when something on the page failed."""

    def runtest(self) -> None:
        stats = self.config.stash[STATS]
        if Path(self.path) not in stats["failed"]:
            stats["updated"] += labels.update(_rel(self.path).removeprefix("docs/"), ROOT)

    def reportinfo(self):
        return self.path, 0, f"{_rel(self.path)}: time to read"


class ProseItem(pytest.Item):
    """With --update-outputs: the numbers in the page's prose, checked against the outputs the
    blocks above have just written (before the sheets are rewritten from them)."""

    def __init__(self, *, page: Page, questions: list[quiz.Block], proven: set[int], **kwargs):
        super().__init__(**kwargs)
        self.page, self.questions, self.proven = page, questions, proven

    def runtest(self) -> None:
        problems = prose.page_problems(
            self.page,
            self.questions,
            lambda lines: expand_lines(lines, ROOT),
            self.proven,
        )
        if problems:
            raise Failure("\n".join(problems))

    def repr_failure(self, excinfo):
        return _report(excinfo, super().repr_failure)

    def reportinfo(self):
        return self.path, 0, f"{_rel(self.path)}: numbers in prose"


class StructureItem(pytest.Item):
    """Fails, listing every located problem, if the page breaks a rule of docs/."""

    def __init__(self, *, problems: list[str], **kwargs):
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self) -> None:
        if self.problems:
            raise Failure("\n".join(self.problems))

    def repr_failure(self, excinfo):
        return _report(excinfo, super().repr_failure)

    def reportinfo(self):
        return self.path, 0, f"{_rel(self.path)}: structure"


class BlockItem(pytest.Item):
    """Runs one code block and compares its output with the page's output block."""

    def __init__(
        self, *, page: Page, fence: Fence, block: CodeBlock, questions: list[quiz.Block], **kwargs
    ):
        super().__init__(**kwargs)
        self.page, self.fence, self.block = page, fence, block
        self.questions = questions  # quiz.blocks(page): a blank task's code gets its key
        self.snippet = target_file(fence.includes[0])
        self.where = f"{page.path}:{fence.line} ({', '.join(fence.includes)})"

    def runtest(self) -> None:
        stats = self.config.stash[STATS]
        code = quiz.prepare_code(self.questions, self.fence, self.block.code)
        first_line = _first_line(self.fence.includes[0])
        run = execute(code, self.snippet, first_line, rng_seed=1)
        stats["executed"] += 1
        if run.error:
            raise Failure(f"{self.where}: the code raised\n{run.error}{self.alone(run.error)}")
        # The second run changes both the global seed and torch's thread count: one run more
        # proves the output owes nothing to either (a third tells which, only on failure).
        threads = other_thread_count()
        again = execute(code, self.snippet, first_line, rng_seed=2, threads=threads)
        if again.error or again.stdout != run.stdout:
            raise Failure(self.unstable(code, first_line, run, again, threads))
        self.check_output(run.stdout, stats)

    def unstable(self, code: str, first_line: int, run, again, threads: int) -> str:
        """Why the second run printed something else: the seed, or the thread count."""
        third = execute(code, self.snippet, first_line, rng_seed=1, threads=threads)
        if not third.error and third.stdout == run.stdout:
            cause = (
                "prints differently from one run to the next. Seed every random generator it "
                "uses inside the snippet, e.g. torch.manual_seed(0)."
            )
        else:
            cause = (
                f"prints differently with torch computing on {threads} CPU thread(s) than with "
                "its default count: print a value rounded to what is stable, or compute it in "
                "a fixed order."
            )
        return f"{self.where}: {cause}\n" + (
            again.error
            or diff(
                run.stdout,
                again.stdout,
                "run 1 (seed 1, default threads)",
                f"run 2 (seed 2, {threads} thread(s))",
            )
        )

    def check_output(self, printed: str, stats: dict) -> None:
        if self.fence.output is None:
            if printed:
                raise Failure(f"{self.where}: {self.unshown()}\nIt printed:\n{printed}")
            return
        stats["compared"] += 1
        out_file = self.fence.output.files[0]
        written = written_output(self.block.expected_output or "")
        if written == printed:
            return
        if self.config.option.update_outputs:
            (ROOT / out_file).write_text(printed, encoding="utf-8")
            stats["updated"].append(out_file)
            return
        raise Failure(
            f"{self.where}: the output differs from {out_file}, shown at line "
            f"{self.fence.output.line}. If the new output is right, run `nox -s update` "
            "and review `git diff`.\n"
            + diff(written, printed, f"written in the docs ({out_file})", "printed by the code")
        )

    def alone(self, error: str) -> str:
        """A section shown on its own that needs a name or an import from outside it."""
        section = self.fence.includes[0].partition(":")[2]
        last = error.rstrip().split("\n")[-1]
        if not section or not last.startswith(("NameError", "ModuleNotFoundError", "ImportError")):
            return ""
        return (
            f"\nWhat is shown is what runs: the section '{section}' runs on its own. Move the "
            f"imports and the lines that define what it uses inside `# --8<-- [start:{section}]` "
            f"… `# --8<-- [end:{section}]` in {self.snippet}, or show the whole file."
        )

    def unshown(self) -> str:
        """What to do about output the page does not show: in a question, the code above the
        options must not print (its output would be the answer, under the question)."""
        target = self.fence.includes[0]
        section = target.partition(":")[2]
        inside = next(
            (
                q
                for q in self.questions
                if q.line < self.fence.line < q.end and q.run() is not self.fence
            ),
            None,
        )
        if inside is not None:
            noun = "question" if inside.kind == "hs-quiz" else "task"
            if section:
                return (
                    f"the code the {noun} {inside.id} shows above its options prints, so the "
                    "reader would see the answer under the question. Move the print out of the "
                    f"section: in {self.snippet}, put it after `# --8<-- [end:{section}]`, "
                    "where only the Solution's run of the whole file shows it"
                )
            return (
                f"the code the {noun} {inside.id} shows above its options prints, so the reader "
                f"would see the answer under the question. Show a section of {self.snippet} "
                "that does not print (`# --8<-- [start:question]` … `# --8<-- [end:question]` "
                f'around the code before the print, included as "{self.snippet}:question"), '
                "and let the Solution's run of the whole file print"
            )
        return (
            "prints output that the page does not show. Add "
            "<!--pytest-codeblocks:expected-output--> and a ```text block including "
            f"{Path(self.snippet).with_suffix('.out')} below the code block, then run "
            "`nox -s update`"
        )

    def repr_failure(self, excinfo):
        return _report(excinfo, super().repr_failure)

    def reportinfo(self):
        return self.path, self.fence.line - 1, self.where


class ProofItem(pytest.Item):
    """Proves one question's or task's key (see prove.py); runs after the page's code blocks."""

    def __init__(self, *, page: Page, question: quiz.Block, code: str, **kwargs):
        super().__init__(**kwargs)
        self.page, self.question, self.code = page, question, code  # code: a task's template

    def runtest(self) -> None:
        run = self.question.run()
        # The checked output: each BlockItem has compared (or, with --update-outputs, rewritten)
        # this file against what the code prints.
        output = (ROOT / run.output.files[0]).read_text(encoding="utf-8") if run else None
        if self.question.kind == "hs-quiz":
            proof = prove_question(self.page, self.question, output)
        else:
            target = self.question.template().includes[0]
            proof = prove_task(
                self.page,
                self.question,
                self.code,
                output or "",
                lambda code: execute(code, target_file(target), _first_line(target), rng_seed=1),
            )
        self.config.stash[STATS]["proofs"].append(proof)
        if proof.problems:
            raise Failure("\n".join(proof.problems))

    def repr_failure(self, excinfo):
        return _report(excinfo, super().repr_failure)

    def reportinfo(self):
        return self.path, self.question.line - 1, self.question.label(self.page)


class EquationItem(pytest.Item):
    """Evaluates one display equation from its LaTeX and compares it with PyTorch
    (equations.py, equation_bindings.py)."""

    def __init__(self, *, display: equations.Display, **kwargs):
        super().__init__(**kwargs)
        self.display = display

    def runtest(self) -> None:
        stats = self.config.stash[STATS]
        page = _rel(self.path)
        from .equation_bindings import cases  # imports torch: only where a page has equations

        problems, compared = equations.check(self.display, page, cases(self.display.binding))
        stats["equations"][page][1 if problems else 0] += 1
        if not problems:
            stats["equation_lines"] += len(self.display.equations)
            stats["equation_runs"] += compared
        if problems:
            raise Failure("\n".join(problems))

    def repr_failure(self, excinfo):
        return _report(excinfo, super().repr_failure)

    def reportinfo(self):
        return (
            self.path,
            self.display.line - 1,
            f"{_rel(self.path)}:{self.display.line}: {self.name}",
        )


class FiguresItem(pytest.Item):
    """Checks every figure the page states against its experiment's band file."""

    def __init__(self, *, marks: list[figures.Figure], numbers: list[str], **kwargs):
        super().__init__(**kwargs)
        self.marks, self.numbers = marks, numbers

    def runtest(self) -> None:
        try:
            wrong = [problem for mark in self.marks if (problem := figures.check(mark))]
            if self.path.name == "experiment.md":
                wrong += figures.missing_ranges(self.marks, _rel(self.path))
        except bands.BandError as err:
            raise Failure(str(err)) from None
        self.config.stash[STATS]["figures"] += len(self.marks)
        if wrong:  # a figure the run contradicts says what was measured, before the sheet
            raise Failure("\n".join(wrong))
        if not self.config.option.update_outputs:
            sheet_problems = figures.check_sheet(
                _rel(self.path), self.marks, ROOT, numbers=self.numbers
            )
            if sheet_problems:
                raise Failure("\n".join(sheet_problems))

    def repr_failure(self, excinfo):
        return _report(excinfo, super().repr_failure)

    def reportinfo(self):
        return self.path, 0, f"{_rel(self.path)}: {len(self.marks)} stated figures"


def _binding_names() -> list[str]:
    """The names a display equation's marker may use. Imported only when a page has a display
    block: the bindings import torch, which a process that checks pages without one (a guard
    copy reusing its runs) never needs."""
    from .equation_bindings import BINDINGS

    return list(BINDINGS)


def _report(excinfo, default):
    return str(excinfo.value) if isinstance(excinfo.value, Failure) else default(excinfo)


def _rel(path: Path) -> str:
    return str(Path(path).resolve().relative_to(ROOT))


def _first_line(target: str) -> int:
    """The line of the snippet file where the shown code starts, for tracebacks."""
    path, _, section = target.partition(":")
    if not section or not (ROOT / path).is_file():
        return 1
    start = re.compile(rf"-+8<-+\s*\[\s*start\s*:\s*{re.escape(section)}\s*\]")
    for number, line in enumerate((ROOT / path).read_text(encoding="utf-8").split("\n"), 1):
        if start.search(line):
            return number + 1
    return 1


def _create_missing_outputs(page: Page) -> None:
    """With --update-outputs, a new page may name .out files that do not exist yet."""
    for fence in page.fences:
        for name in fence.files if fence.is_output else []:
            path = ROOT / name
            if name.endswith(".out") and not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("", encoding="utf-8")
