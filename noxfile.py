"""Every task on Hidden State is a nox session; all of them share one environment, .venv.

nox -s serve    live preview on http://127.0.0.1:8000/hidden-state/, reloading on every edit
nox -s tests    one page (`-- docs/<module>/<page>.md`), or the verification without the browser
nox -s check    before pushing: lint and the verification without the browser
nox -s docs     what CI runs: check, `mkdocs build --strict`, then the built-site tests
nox -s update   rewrite expected outputs and sheets from real execution; review `git diff`
nox -s new      scaffold a page, a question or a blank task (`nox -s new -- --help`)
nox -s lint     ruff on snippets/, tests/ and hooks/
nox -s bench    timings (experiments, verification, site build) and every page's weight
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
REQUIREMENTS = ROOT / "requirements.txt"
NODE_MODULES = ROOT / "node_modules"
# Front-end files the site hosts itself, copied from node_modules (ignored by git).
VENDOR = ROOT / "docs" / "assets" / "vendor"
VENDORED = {  # folder in VENDOR: (package folder in node_modules, files to copy)
    "katex": ("katex/dist", ["katex.min.js", "katex.min.css", "fonts/*.woff2"]),
}

nox.options.default_venv_backend = "none"  # the sessions share .venv instead of one venv each
nox.options.sessions = ["check"]
# Material prints an end-of-life banner on every build; it is known (see CONTRIBUTING.md).
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _env(session: nox.Session) -> None:
    """Create .venv once, and reinstall only when requirements.txt has changed."""
    stamp = VENV / ".requirements.sha256"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not PYTHON.exists():
        session.run(sys.executable, "-m", "venv", str(VENV))
    if not stamp.exists() or stamp.read_text() != digest:
        session.run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        session.run(str(PYTHON), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS))
        stamp.write_text(digest)
    session.env["PATH"] = os.pathsep.join([str(VENV / "bin"), os.environ.get("PATH", "")])
    session.env["VIRTUAL_ENV"] = str(VENV)


def _vendor(session: nox.Session) -> None:
    """`npm ci` when package-lock.json has changed, then copy the files the site serves."""
    stamp = NODE_MODULES / ".package-lock.sha256"
    digest = hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        # npm warns that commander (KaTeX's command line, which we never run) wants Node 22.
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
        stamp.write_text(digest)
    for name, (package, patterns) in VENDORED.items():
        source, target = NODE_MODULES / package, VENDOR / name
        shutil.rmtree(target, ignore_errors=True)
        for pattern in patterns:
            for path in sorted(source.glob(pattern)):
                (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / path.relative_to(source))
        if not target.exists():
            session.error(f"{source}: none of {patterns} found; check package.json")


def _pytest(session: nox.Session, *args: str) -> None:
    session.run(str(PYTHON), "-m", "pytest", *args)


def _module(session: nox.Session, module: str) -> None:
    """Run a module of tests/ (engine.notebooks, bench.experiments) as a script."""
    session.run(str(PYTHON), "-m", module, env={"PYTHONPATH": str(ROOT / "tests")})


@nox.session
def tests(session: nox.Session) -> None:
    """One page: `nox -s tests -- docs/why-rnns/quick-intro.md`. With no page, the whole
    verification without the browser tests (which need a build: `nox -s docs`)."""
    _env(session)
    _vendor(session)
    _pytest(session, *(session.posargs or ["--ignore=tests/site"]))


@nox.session
def check(session: nox.Session) -> None:
    """Before pushing: lint and the whole verification, without the browser (about a minute)."""
    _env(session)
    _vendor(session)
    _lint(session)
    _module(session, "engine.notebooks")
    _pytest(session, "--ignore=tests/site", *session.posargs)


@nox.session
def new(session: nox.Session) -> None:
    """Scaffold a page, a question or a blank task: `nox -s new -- --help` (engine/new.py)."""
    _env(session)
    session.run(
        str(PYTHON), "-m", "engine.new", *session.posargs, env={"PYTHONPATH": str(ROOT / "tests")}
    )


@nox.session
def docs(session: nox.Session) -> None:
    """What CI runs: lint, the verification, a strict build, then the tests of the built site."""
    _env(session)
    _vendor(session)
    _lint(session)  # snippets are shown to readers: CI keeps them ruff-clean, not only `lint`
    _module(session, "engine.notebooks")  # the experiments, side by side, before the tests
    _pytest(session, "--ignore=tests/site")
    session.run(str(PYTHON), "-m", "mkdocs", "build", "--strict")
    # The browser tests reuse this build instead of making their own.
    _pytest(session, "tests/site", "--site-dir=site")


@nox.session
def serve(session: nox.Session) -> None:
    """Build and serve the site with live reload (pages, snippets and outputs)."""
    _env(session)
    _vendor(session)
    # Experiment pages are notebooks that must have run first (once; later runs reuse them).
    _module(session, "engine.notebooks")
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
def lint(session: nox.Session) -> None:
    """ruff on the snippets, the tests, the MkDocs hooks and this file."""
    _env(session)
    _lint(session)


def _lint(session: nox.Session) -> None:
    paths = ["snippets", "tests", "hooks", "noxfile.py"]
    session.run(str(PYTHON), "-m", "ruff", "check", *paths)
    session.run(str(PYTHON), "-m", "ruff", "format", "--check", *paths)


@nox.session
def bench(session: nox.Session) -> None:
    """Timings: each experiment trained from scratch, the whole verification, a full site
    build; and the weight of every page as the browser loads it, against the budget."""
    _env(session)
    _vendor(session)
    _module(session, "bench.experiments")
    _module(session, "bench.pages")
