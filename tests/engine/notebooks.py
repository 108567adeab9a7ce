"""Experiment notebooks: run each one once, keep the executed notebook, read its results.

An experiment is a jupytext percent-format file `snippets/<path>.py`, listed in mkdocs.yml's
nav as `<path>.ipynb`. Running it writes `docs/<path>.ipynb` (gitignored): the executed
notebook, outputs and plots included, that mkdocs-jupyter renders without running it again and
offers for download. The notebook's last cells define a dict named `results`; it is stored in
the notebook's metadata, and the figures that pages state are checked against it.

The executed notebook also records a fingerprint of what produced it: the code cells of the
source, its seed, the versions of the libraries that compute the numbers, the CPU and its
kernel path (engine/kernels.py). While the fingerprint matches, nothing is run again, so each
experiment trains once per CI run however often pytest runs the pages (the guard tests run
them again in subprocesses and copies). Editing only the prose of an experiment refreshes its
page without training it again. engine/experiments.py runs them (`nox -s check`, `serve`).

Copies of the project whose experiments were edited on purpose (tests/test_guard.py) keep
their runs elsewhere, in the folder that STORE names, by fingerprint: a copy is thrown away
after its check, but the run of the same edit on the same CPU is the same run next time.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from . import kernels, nav

ROOT = Path(__file__).resolve().parents[2]
META = "hidden_state"  # our key in the notebook's metadata
# Bump when the way notebooks are run changes, so that every cached notebook is run again.
RUNNER = "5"
LIBRARIES = ("torch", "numpy", "matplotlib")
# The last cell we append: it prints what the experiment measured. `setup` holds the choices
# that do not depend on the seed (hidden units, epochs); `results` the measured figures, numbers
# or yes-or-no claims; `timings`, if the experiment defines it, wall-clock measurements.
PARTS = ("setup", "results", "timings")
PROBE = (
    "import json as _json\n"
    "print(_json.dumps({_k: globals().get(_k, {}) for _k in ('setup', 'results', 'timings')}))"
)
# Cells whose id starts so are added after the run (engine/bands.py: how this run compares).
ADDED = "hs-"
# The line every experiment seeds from; `nox -s spread` runs it again with other seeds.
SEED_LINE = re.compile(r"^(SEED\s*=\s*)(\d+)\b", re.MULTILINE)
# What a claim (an `assert`) may read: the experiment's dicts and a few pure builtins.
CLAIM_NAMES = {"setup", "results", "timings", "abs", "min", "max", "round", "len", "sum"}
CLAIM_OPS = {ast.Gt: ">", ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<=", ast.Eq: "=="}


# The environment variable naming a folder of runs kept by fingerprint (module docstring).
STORE = "HIDDEN_STATE_TRAINED"


class NotebookError(Exception):
    """An experiment that cannot run, or that does not define its results. Names file:line."""


class CellRaised(NotebookError):
    """A cell of the experiment raised (a claim that did not hold, or a bug): the same code
    raises again on the same CPU, so a store keeps this outcome like a finished run. Errors of
    the machine rather than of the code (memory, files, an interrupt) are NotebookErrors."""


def kept_as_outcome(name: str, value: str) -> bool:
    """Whether a cell's error (its class name and message) is the code's, not the machine's."""
    machine = {"MemoryError", "KeyboardInterrupt", "SystemExit", "OSError", "TimeoutError"}
    machine |= {"FileNotFoundError", "PermissionError"}
    return name not in machine and "memory" not in value.lower()


@dataclass(frozen=True)
class Experiment:
    name: str  # "running_sum": how pages refer to it, e.g. data-figure="running_sum:rnn_last"
    page: str  # "why-rnns/experiment/running_sum.ipynb", as in the nav
    root: Path

    @property
    def source(self) -> Path:
        return self.root / "snippets" / Path(self.page).with_suffix(".py")

    @property
    def executed_path(self) -> Path:
        return self.root / "docs" / self.page

    @property
    def rel_source(self) -> str:
        return str(self.source.relative_to(self.root))


@cache
def experiments(root: Path = ROOT) -> tuple[Experiment, ...]:
    """Every notebook page in mkdocs.yml's nav, in nav order."""
    pages = [page for _, page in nav.pages(root) if page.endswith(".ipynb")]
    found = tuple(Experiment(Path(p).stem, p, root) for p in pages)
    names = [e.name for e in found]
    for e in found:
        if names.count(e.name) > 1:
            raise NotebookError(f"mkdocs.yml: two notebook pages are named {e.name}; rename one")
        if not e.source.is_file():
            raise NotebookError(
                f"mkdocs.yml: the nav lists {e.page}, but its source {e.rel_source} does not exist"
            )
    return found


def by_name(name: str, root: Path = ROOT) -> Experiment | None:
    return next((e for e in experiments(root) if e.name == name), None)


def source_notebook(experiment: Experiment):
    """The source file as an unexecuted notebook, with stable cell ids and a Python kernel."""
    import jupytext

    notebook = jupytext.read(experiment.source)
    notebook.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    }
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"  # jupytext draws random ids; fixed ones keep the file stable
    return notebook


def data_files(experiment: Experiment) -> list[Path]:
    """The module's data (docs/<module>/data/, e.g. a training text), which the site serves."""
    folder = experiment.root / "docs" / Path(experiment.page).parts[0] / "data"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def code_key(notebook, experiment: Experiment) -> str:
    """What the figures depend on besides the seed and the CPU: the code cells as Python reads
    them (comments, the `SEED = …` value and the claims left out), the module's data files, and
    the versions of Python and the libraries that compute them. The band file (tests/bands/)
    records it, so bands measured on other code are never trusted, while a run at another seed
    is checked against them, and a claim edited is checked against the runs already measured.

    Markdown cells are left out on purpose: editing the prose never trains again.
    """
    code = [_what_runs(cell.source) for cell in notebook.cells if cell.cell_type == "code"]
    code = [source for source in code if source]  # a cell of claims alone leaves nothing
    versions = [f"python={sys.version_info[:2]}"]
    versions += [f"{lib}={version(lib)}" for lib in LIBRARIES]
    data = [hashlib.sha256(p.read_bytes()).hexdigest() for p in data_files(experiment)]
    return hashlib.sha256(json.dumps([code, versions, data]).encode()).hexdigest()


class _Unclaimed(ast.NodeTransformer):
    """Drops the claims (they only read what the run measured), leaving no trace, so that a
    claim added, removed or reworded keeps the key; and the seed's value."""

    def visit_Assert(self, node: ast.Assert) -> None:
        return None

    def _emptied(self, node: ast.stmt) -> ast.stmt | None:
        """A loop or branch that held only claims goes with them."""
        self.generic_visit(node)
        return node if node.body or getattr(node, "orelse", None) else None

    visit_For = visit_While = visit_If = visit_With = _emptied

    def visit_Assign(self, node: ast.Assign) -> ast.Assign:
        if [getattr(t, "id", None) for t in node.targets] == ["SEED"]:
            node.value = ast.Constant(...)
        return node


def _what_runs(source: str) -> str:
    try:
        return ast.unparse(_Unclaimed().visit(ast.parse(source)))
    except SyntaxError:  # the run will report it; until then, the text is the key
        return source


@dataclass(frozen=True)
class Claim:
    """One `assert` of an experiment: a comparison of what the runs measured."""

    where: str  # "snippets/…/padding.py:253"
    says: str  # its message: what it claims, in words
    left: str  # Python source of each side
    op: str  # ">", ">=", "<", "<=" or "=="
    right: str


def claims(experiment: Experiment) -> list[Claim]:
    """Every `assert` of the experiment, each of the form `assert <a> <op> <b>, "words"`, where
    a and b read only `setup`, `results` and `timings`: so the spread can measure by how much
    each held in every run, and a claim can be checked against runs measured before it was
    written. Raises NotebookError, located, for any other assert."""
    tree = ast.parse(experiment.source.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assert):
            continue
        where = f"{experiment.rel_source}:{node.lineno}"
        test, message = node.test, node.msg
        names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
        form = (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and type(test.ops[0]) in CLAIM_OPS
            and isinstance(message, ast.Constant)
            and isinstance(message.value, str)
            and names <= CLAIM_NAMES
            and not any(isinstance(n, ast.Lambda | ast.comprehension) for n in ast.walk(test))
        )
        if not form:
            raise NotebookError(
                f"{where}: a claim compares two values read from `setup`, `results` or "
                f"`timings`, with one of > >= < <= ==, and says what it claims: `assert "
                f'results["packed_acc"] > results["padded_acc"] + 10, "packing should fix the '
                f'padded model"`; put what it reads into `results` first (found '
                f"`assert {ast.unparse(test)}`)"
            )
        found.append(
            Claim(
                where,
                message.value,
                ast.unparse(test.left),
                CLAIM_OPS[type(test.ops[0])],
                ast.unparse(test.comparators[0]),
            )
        )
    return found


def fingerprint(notebook, experiment: Experiment) -> str:
    """The code key, the seed, the way the notebook is run, the CPU and its kernel path."""
    seed = seed_of(experiment, notebook)
    parts = [code_key(notebook, experiment), seed, f"runner={RUNNER}", kernels.describe()]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def seed_of(experiment: Experiment, notebook=None) -> int:
    """The experiment's seed: its one `SEED = <n>` line, in a code cell."""
    notebook = notebook or source_notebook(experiment)
    found = [
        int(m.group(2))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for m in SEED_LINE.finditer(cell.source)
    ]
    if len(found) != 1:
        raise NotebookError(
            f"{experiment.rel_source}: define the seed once, as `SEED = 0` on a line of its own "
            f"in a code cell, and derive every generator from it (found {len(found)} such "
            "lines): `nox -s spread` runs the experiment again with other seeds"
        )
    return found[0]


def with_seed(notebook, seed: int):
    """A copy of the notebook whose `SEED = …` line reads `SEED = seed`."""
    import copy

    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.source = SEED_LINE.sub(rf"\g<1>{seed}", cell.source)
    return notebook


def cached(experiment: Experiment, path: Path | None = None):
    """The executed notebook if its code is the source's current code, else None.

    When only the Markdown cells have changed, the stored outputs are carried over to the
    current cells and the file is rewritten, so the page shows the new prose at once.
    """
    import nbformat

    path = path or experiment.executed_path
    if not path.is_file():
        return None
    stored = nbformat.read(path, as_version=4)
    current = source_notebook(experiment)
    if stored.metadata.get(META, {}).get("fingerprint") != fingerprint(current, experiment):
        return None
    ran = [cell for cell in stored.cells if cell.cell_type == "code"]
    code = [cell for cell in current.cells if cell.cell_type == "code"]
    for cell, old in zip(code, ran, strict=True):
        cell.outputs, cell.execution_count = old.outputs, old.execution_count
    current.cells += [cell for cell in stored.cells if cell.get("id", "").startswith(ADDED)]
    current.metadata = stored.metadata
    if current != stored:
        write(current, path)
    return current


def run(experiment: Experiment, path: Path | None = None):
    """Execute the source as a notebook, save it (to docs/ unless told), and return it."""
    notebook = source_notebook(experiment)
    key = fingerprint(notebook, experiment)
    measured = execute(experiment, notebook)
    del measured["failed"]  # without keep_going, a failing cell has raised already
    notebook.metadata[META] = {
        "source": experiment.rel_source,
        "fingerprint": key,
        "seed": seed_of(experiment, notebook),
        "machine": kernels.describe(),
        **measured,
    }
    write(notebook, path or experiment.executed_path)
    return notebook


def execute(
    experiment: Experiment, notebook, env: dict[str, str] | None = None, keep_going: bool = False
) -> dict:
    """Run the notebook in place (in a kernel with environment `env`, else ours) and return
    {"setup": …, "results": …, "timings": …} as its last cells defined them.

    With `keep_going` (the spread runs), a cell that raises does not stop the run: its error
    is listed under "failed" (an assertion is a claim that did not hold), and the figures are
    still read, if the notebook defined them."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook.cells.append(nbformat.v4.new_code_cell(PROBE, id="results-probe"))
    # The kernel works in an empty folder, so an experiment that writes files leaves no trace.
    # It talks to us over local sockets in that folder (ipc) rather than over TCP ports.
    with tempfile.TemporaryDirectory() as workdir:
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=f"{workdir}/kernel")
        client = NotebookClient(
            notebook,
            km=kernel,
            kernel_name="python3",
            timeout=600,
            record_timing=False,  # no timestamps: the same commit gives the same file
            coalesce_streams=True,  # one block of printed text per cell, not one per print
            resources={"metadata": {"path": workdir}},
            allow_errors=keep_going,
        )
        try:
            # cleanup_kc: stop the kernel, we made it; env: the kernel path of a spread run
            client.execute(cleanup_kc=True, **({"env": env} if env else {}))
        except CellExecutionError as err:
            error = CellRaised if kept_as_outcome(err.ename, err.evalue) else NotebookError
            raise error(_located(experiment, notebook, str(err))) from None
        except (CellTimeoutError, DeadKernelError) as err:
            raise NotebookError(_located(experiment, notebook, str(err))) from None
    probe = notebook.cells.pop()
    if any(o.get("output_type") == "error" for o in probe.get("outputs", [])):
        raise NotebookError(
            f"{experiment.rel_source}: the experiment must end by defining a dict named "
            "`results` with the figures its pages quote"
            + "".join(f"\n{line}" for line in _errors(experiment, notebook))
        )
    return {**_measured(experiment, probe), "failed": _errors(experiment, notebook)}


def _errors(experiment: Experiment, notebook) -> list[str]:
    """'source:line: AssertionError: message' for every cell that raised."""
    starts = cell_lines(experiment)
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                line = starts[index] if index < len(starts) else 1
                found.append(
                    f"{experiment.rel_source}:{line}: {output['ename']}: {output['evalue']}"
                )
    return found


def write(notebook, path: Path) -> None:
    import nbformat

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")  # one per writing process
    nbformat.write(notebook, partial)
    partial.replace(path)  # never leave a half-written notebook for the site to render


_executed: dict[Path, object] = {}  # the notebook, or the NotebookError of its failed run


def executed(experiment: Experiment):
    """The executed notebook, run now only if no up-to-date one exists (once per process). A run
    that failed is not run again in the same process: every later call raises its error (two
    tests read each experiment, and a failing run of a long one would otherwise train twice)."""
    key = experiment.executed_path
    if key not in _executed:
        try:
            _executed[key] = cached(experiment) or stored(experiment) or run(experiment)
        except NotebookError as err:
            _executed[key] = err
    if isinstance(_executed[key], NotebookError):
        raise _executed[key]
    return _executed[key]


def stored(experiment: Experiment):
    """With STORE set: the run of this fingerprint from that folder (made now if it has none),
    copied to docs/ as if run here. A cell that raised is kept as its message and raised again.
    Without STORE: None."""
    if not os.environ.get(STORE):
        return None
    folder = Path(os.environ[STORE])
    folder.mkdir(parents=True, exist_ok=True)
    # Besides the fingerprint: the whole source (the claims a cell checks, the lines a kept
    # message names), this file and nbclient (which word the message).
    words = [experiment.source.read_bytes(), Path(__file__).read_bytes(), version("nbclient")]
    also = hashlib.sha256(repr(words).encode()).hexdigest()[:16]
    kept = folder / f"{fingerprint(source_notebook(experiment), experiment)}-{also}.ipynb"
    raised = kept.with_suffix(".raised")
    for path in (kept, raised):
        if path.is_file():
            path.touch()  # used: a store is pruned by age of last use
    if raised.is_file():
        raise CellRaised(raised.read_text(encoding="utf-8"))
    if not kept.is_file():
        try:
            run(experiment, kept)
        except CellRaised as err:
            partial = raised.with_name(f"{raised.name}.{os.getpid()}.partial")
            partial.write_text(str(err), encoding="utf-8")
            partial.replace(raised)  # whole or not at all
            raise
    experiment.executed_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kept, experiment.executed_path)
    return cached(experiment)


def results(experiment: Experiment) -> dict:
    return executed(experiment).metadata[META]["results"]


def measured(experiment: Experiment) -> dict:
    """This machine's run: {"setup": …, "results": …, "timings": …}."""
    meta = executed(experiment).metadata[META]
    return {part: meta.get(part, {}) for part in PARTS}


def cell_lines(experiment: Experiment) -> list[int]:
    """The line of the source file where each cell starts (its `# %%` marker)."""
    lines = experiment.source.read_text(encoding="utf-8").split("\n")
    return [n for n, line in enumerate(lines, 1) if line.startswith("# %%")]


def _located(experiment: Experiment, notebook, message: str) -> str:
    """Name the source line of the cell that failed, and keep the error's last lines."""
    starts = cell_lines(experiment)
    for index, cell in enumerate(notebook.cells):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            if cell.get("id") == "results-probe":
                return (
                    f"{experiment.rel_source}: the experiment must end by defining a dict named "
                    f"`results` with the figures its pages quote\n{_tail(message)}"
                )
            line = starts[index] if index < len(starts) else 1
            return f"{experiment.rel_source}:{line}: cell {index + 1} raised\n{_tail(message)}"
    return f"{experiment.rel_source}: the notebook did not run\n{_tail(message)}"


def _tail(message: str, lines: int = 25) -> str:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", message)  # drop the kernel's terminal colours
    return "\n".join(plain.strip().split("\n")[-lines:])


def _measured(experiment: Experiment, probe) -> dict:
    text = "".join(o.get("text", "") for o in probe.outputs if o.get("name") == "stdout")
    try:
        found = json.loads(text)
    except json.JSONDecodeError:
        found = None
    if not isinstance(found, dict) or not all(isinstance(found.get(p), dict) for p in PARTS):
        raise NotebookError(
            f"{experiment.rel_source}: `results` (and `setup`, `timings`, if defined) must be "
            f"dicts that json can write; the probe printed {text[:200]!r}"
        )
    for part in PARTS:
        for key, value in found[part].items():
            if (
                not isinstance(value, int | float)
                or (part != "results" and value is bool(value))
                or not math.isfinite(value)
            ):
                kind = "a finite number or True/False" if part == "results" else "a finite number"
                raise NotebookError(
                    f"{experiment.rel_source}: {part}[{key!r}] is {value!r}; each value of "
                    f"`{part}` is {kind}"
                )
    keys = [key for part in PARTS for key in found[part]]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise NotebookError(
            f"{experiment.rel_source}: {', '.join(twice)} is in more than one of `setup`, "
            "`results` and `timings`: a value the seed cannot change goes in `setup`, a "
            "wall-clock measurement in `timings`, every other measurement in `results`"
        )
    return found
