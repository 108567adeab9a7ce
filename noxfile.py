"""Every task on Hidden State is a nox session; all of them share one environment, .venv.

nox -s serve    live preview on http://127.0.0.1:8000/hidden-state/, reloading on every edit
nox -s tests    one page (`-- docs/<module>/<page>.md`), or the verification without the browser
nox -s check    before pushing: lint, the experiments and the verification without the browser
nox -s docs     what CI runs: check, `mkdocs build --strict`, then the built-site tests;
                prints the time of each phase
nox -s update   rewrite expected outputs and sheets from real execution; review `git diff`
nox -s new      scaffold a page, a question or a blank task (`nox -s new -- --help`)
nox -s spread   train every experiment at 30 seeds for its band file in tests/bands/, and at 5
                held-out seeds checked against it (`-- <experiment>` for one)
nox -s lint     ruff on snippets/, tests/ and hooks/; zizmor on the workflows
nox -s bench    timings (experiments, verification, site build), every page's transferred bytes
                and timings, Lighthouse on the first page of each kind (npm, tests/bench/)
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nox
from nox.command import CommandFailed

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
REQUIREMENTS = ROOT / "requirements.txt"
# Lighthouse, for `nox -s bench` only: the site itself needs no npm package.
BENCH_NPM = ROOT / "tests" / "bench"

nox.options.default_venv_backend = "none"  # the sessions share .venv instead of one venv each
nox.options.sessions = ["check"]
# Material prints an end-of-life banner on every build; it is known (DESIGN.md, on Zensical).
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# nox looks for uv before every session, even with no virtualenv to make, and says "uv binary
# not found." when it is absent. The sessions here share .venv and never use uv: drop that line.
logging.getLogger("nox").addFilter(lambda record: record.getMessage() != "uv binary not found.")


# PyTorch's own index of CPU-only builds. PyPI's torch for Linux is the CUDA build, which pulls
# in about 3 GB of NVIDIA libraries that nothing here uses.
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def _env(session: nox.Session) -> None:
    """Create .venv once, and reinstall only when requirements.txt has changed."""
    stamp = VENV / ".requirements.sha256"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not PYTHON.exists():
        session.run(sys.executable, "-m", "venv", str(VENV))
    if not stamp.exists() or stamp.read_text() != digest:
        session.run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _torch_cpu(session)
        session.run(str(PYTHON), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS))
        stamp.write_text(digest)
    session.env["PATH"] = os.pathsep.join([str(VENV / "bin"), os.environ.get("PATH", "")])
    session.env["VIRTUAL_ENV"] = str(VENV)


def _torch_cpu(session: nox.Session) -> None:
    """Install requirements.txt's torch as its CPU build (`+cpu`), before the rest, unless .venv
    has that version already (any build: see README for CUDA). requirements.txt then finds it
    installed and asks no index for torch; torch's own dependencies come from PyPI.

    A wheel that pip's configuration already offers without the network (`find-links`, as on
    the project's machines) is taken first; otherwise PyTorch's CPU index is asked, and only for
    torch: as an extra index for the whole file, an unreachable one would make pip retry it for
    every package."""
    pin = next(
        line.split("#")[0].strip()
        for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if line.startswith("torch==")
    )
    installed = subprocess.run(
        [str(PYTHON), "-c", "import importlib.metadata as m; print(m.version('torch'))"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if installed.split("+")[0] == pin.removeprefix("torch=="):
        return
    cpu = pin.split("+")[0] + "+cpu"
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--no-deps", cpu]
    if subprocess.run([*pip, "--no-index"], capture_output=True).returncode == 0:
        session.log(f"{cpu}: the CPU wheel that pip's configuration offers on this machine")
        return
    session.log(f"{cpu}: from PyTorch's CPU index, {TORCH_CPU_INDEX} (about 190 MB)")
    session.run(*pip, "--index-url", TORCH_CPU_INDEX)


def _lighthouse(session: nox.Session) -> None:
    """`npm ci` in tests/bench when its package-lock.json has changed (bench only)."""
    stamp = BENCH_NPM / "node_modules" / ".package-lock.sha256"
    digest = hashlib.sha256((BENCH_NPM / "package-lock.json").read_bytes()).hexdigest()
    if not shutil.which("npm"):
        session.warn("npm not found: the bench runs without Lighthouse")
    elif not stamp.exists() or stamp.read_text() != digest:
        session.run(
            "npm", "ci", "--no-audit", "--no-fund", "--prefix", str(BENCH_NPM), external=True
        )
        stamp.write_text(digest)


def _pytest(session: nox.Session, *args: str) -> None:
    session.run(str(PYTHON), "-m", "pytest", *args)


TESTS_ON_PATH = {"PYTHONPATH": str(ROOT / "tests")}


def _module(session: nox.Session, module: str) -> None:
    """Run a module of tests/ (engine.experiments, bench.experiments) as a script."""
    session.run(str(PYTHON), "-m", module, env=TESTS_ON_PATH)


@nox.session
def tests(session: nox.Session) -> None:
    """One page: `nox -s tests -- docs/why-rnns/quick-intro.md`. With no page, the whole
    verification without the browser tests (which need a build: `nox -s docs`)."""
    _env(session)
    _pytest(session, *(session.posargs or ["--ignore=tests/site"]))


@nox.session
def check(session: nox.Session) -> None:
    """Before pushing: lint, the experiments and the whole verification, without the browser."""
    _env(session)
    _lint(session)
    _module(session, "engine.experiments")
    _pytest(session, "--ignore=tests/site", *session.posargs)


@nox.session
def new(session: nox.Session) -> None:
    """Scaffold a page, a question or a blank task: `nox -s new -- --help` (engine/new.py)."""
    _env(session)
    session.run(str(PYTHON), "-m", "engine.new", *session.posargs, env=TESTS_ON_PATH)


@nox.session
def docs(session: nox.Session) -> None:
    """What CI runs: lint, the experiments, then the verification, with the strict build and the
    tests of the built site beside it. Ends with the time of each phase, also when one fails.
    (Side by side because neither fills CI's two cores alone: the verification's first part,
    the pages, runs in one process, and the browser tests wait on their browser. Warm, on two
    cores, 124 s beside each other against 139 s one after the other.)"""
    phases: list[tuple[str, float]] = []
    began = time.perf_counter()

    def phase(name: str, *args: str, **kwargs) -> None:
        start = time.perf_counter()
        try:
            session.run(*args, **kwargs)
        finally:
            phases.append((name, time.perf_counter() - start))

    _env(session)
    try:
        # Snippets are shown to readers: CI keeps them ruff-clean, not only `nox -s lint`.
        phase("lint", str(PYTHON), "-m", "ruff", "check", *LINTED)
        phase("format", str(PYTHON), "-m", "ruff", "format", "--check", *LINTED)
        phase("workflows", *ZIZMOR)
        # Training on its own line of the split (cached while the experiments' code is unchanged;
        # a failing cell is reported, with its line, by tests/test_experiments.py below).
        with contextlib.suppress(CommandFailed):
            phase("experiments", str(PYTHON), "-m", "engine.experiments", env=TESTS_ON_PATH)
        # The browser tests test this build instead of making their own. They keep no pytest
        # cache: two pytest processes at once would overwrite each other's list of failures.
        build = [str(PYTHON), "-m", "mkdocs", "build", "--strict"]
        browser = [str(PYTHON), "-m", "pytest", "tests/site", "--site-dir=site"]
        beside = Beside(
            session, [("build", build), ("browser tests", [*browser, "-p", "no:cacheprovider"])]
        )
        try:
            phase("verification", str(PYTHON), "-m", "pytest", "--ignore=tests/site")
        finally:
            phases += [(f"{name} (beside it)", seconds) for name, seconds in beside.wait()]
        beside.check()
    finally:
        split = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in phases)
        session.log(f"phases: {split}; total {time.perf_counter() - began:.0f} s")


class Beside:
    """Commands run one after the other in the background, up to the first that fails; their
    output is kept and shown once they have ended."""

    def __init__(self, session: nox.Session, steps: list[tuple[str, list[str]]]):
        self.session, self.steps = session, steps
        self.ran: list[tuple[str, float, str]] = []  # (step, seconds, what it printed)
        self.failed: str | None = None  # which step failed, and how
        env = {**os.environ, **{k: v for k, v in session.env.items() if v is not None}}

        def run() -> None:
            for label, command in steps:
                start = time.perf_counter()
                try:
                    done = subprocess.run(
                        command,
                        env=env,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT,
                        text=True,
                        errors="replace",
                    )
                except BaseException as error:  # it could not even run: said, never a pass
                    self.failed = f"{label} failed ({type(error).__name__}: {error})"
                    return
                self.ran.append((label, time.perf_counter() - start, done.stdout))
                if done.returncode:
                    self.failed = f"{label} failed (exit code {done.returncode})"
                    return

        self.runner = threading.Thread(target=run, daemon=True)
        self.runner.start()

    def wait(self) -> list[tuple[str, float]]:
        """Wait for the steps to end and show their output; returns each step's seconds."""
        self.runner.join()
        for (label, command), (_, _, output) in zip(self.steps, self.ran, strict=False):
            shown = ["python" if command[0] == str(PYTHON) else command[0], *command[1:]]
            self.session.log(f"{label} (ran beside the verification): {' '.join(shown)}")
            print(output, end="", flush=True)
        if self.failed:  # said here too: the verification's own failure may be the one raised
            self.session.warn(self.failed)
        return [(label, seconds) for label, seconds, _ in self.ran]

    def check(self) -> None:
        if self.failed:
            self.session.error(self.failed)


@nox.session
def serve(session: nox.Session) -> None:
    """Build and serve the site with live reload (pages, snippets and outputs)."""
    _env(session)
    # Experiment pages are notebooks that must have run first (once; later runs reuse them).
    _module(session, "engine.experiments")
    # nox would run mkdocs as a child that can outlive it (stopping nox by a signal other than
    # Ctrl-C left the server running). Replacing this process with mkdocs makes them one: stop
    # the session, and the server stops.
    session.log("serving on http://127.0.0.1:8000/hidden-state/ (Ctrl-C stops it)")
    command = [str(PYTHON), "-m", "mkdocs", "serve", *(session.posargs or [])]
    sys.stdout.flush()
    env = dict(os.environ)
    for name, value in session.env.items():
        if value is None:  # nox's None means: unset it
            env.pop(name, None)
        else:
            env[name] = value
    os.execve(command[0], command, env)


@nox.session
def update(session: nox.Session) -> None:
    """Rewrite every .out file from what its code prints now; then review `git diff`."""
    _env(session)
    targets = session.posargs or ["docs", "tests/test_experiments.py"]  # or the pages named
    _pytest(session, *targets, "--update-outputs", "-q")
    session.log("Expected outputs rewritten from real execution. Review them: git diff")


@nox.session
def spread(session: nox.Session) -> None:
    """How far each experiment figure moves: every experiment (or those named, `-- padding`)
    trained at 30 seeds, each on one of the CPU kernel paths this machine offers, two runs at a
    time, for tests/bands/<experiment>.json (reviewed like any snapshot); then at 5 held-out
    seeds, checked as CI's run is. Prints each figure's median, range and tolerance, where a
    page states it, and what the held-out runs broke (engine/experiments.py).
    Not part of `check` or `docs`: CI trains once and checks that run against the band files."""
    _env(session)
    session.run(
        str(PYTHON), "-m", "engine.experiments", "spread", *session.posargs, env=TESTS_ON_PATH
    )


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on the snippets, the tests, the MkDocs hooks, .ci and this file; zizmor on the
    GitHub workflows."""
    _env(session)
    _lint(session)


LINTED = ["snippets", "tests", "hooks", ".ci", "noxfile.py"]
# zizmor's audits of .github/workflows/ that need no network (CI has no access to GitHub's API),
# at its default policy: every action pinned to a full commit SHA. No configuration file is
# read, so none can relax a rule for the whole repository: a finding that is accepted is
# ignored in the workflow itself, on its line, with the reason (DESIGN.md, "The publishing
# workflow"). Under a second.
ZIZMOR = [str(VENV / "bin" / "zizmor"), "--quiet", "--offline", "--no-config", ".github/workflows"]


def _lint(session: nox.Session) -> None:
    session.run(str(PYTHON), "-m", "ruff", "check", *LINTED)
    session.run(str(PYTHON), "-m", "ruff", "format", "--check", *LINTED)
    session.run(*ZIZMOR)


@nox.session
def bench(session: nox.Session) -> None:
    """Timings: each experiment trained from scratch, the whole verification, a full site
    build; every page's transferred bytes (against the budgets) and Lighthouse-style timings;
    Lighthouse on the first page of each kind."""
    _env(session)
    _lighthouse(session)
    _module(session, "bench.experiments")
    _module(session, "bench.pages")
