"""Experiment timings for `nox -s bench`: each experiment trained from scratch, then the
whole verification with the experiments cached.

Each experiment runs in a fresh kernel, ignoring the cache, and its outputs are compared with
the executed notebook that the tests keep in docs/: identical outputs from two separate runs
(this one with OMP_NUM_THREADS=1) are evidence that the experiment is deterministic.

    PYTHONPATH=tests python -m bench.experiments
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from engine import notebooks

# The pages' verification time over twice the bare run of every code block (bench/snippets.py):
# each block runs at two thread counts.
OVERHEAD = 1.5
BUDGET = 300  # seconds of CPU for all experiments together, one after another (issues 13, 14)


def outputs(notebook) -> str:
    code = [c.get("outputs", []) for c in notebook.cells if c.cell_type == "code"]
    return json.dumps(code, sort_keys=True)  # a notebook read from disk has its keys sorted


def train_all() -> bool:
    """Train every experiment from scratch; True if each matched its cached run, within budget."""
    os.environ["OMP_NUM_THREADS"] = "1"  # inherited by the kernels started below
    total, deterministic = 0.0, True
    print(f"{'experiment (trained from scratch)':46} {'seconds':>8}  same outputs as the cache")
    for experiment in notebooks.experiments():
        before = notebooks.cached(experiment)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            fresh = notebooks.run(experiment, path=Path(tmp) / "fresh.ipynb")
            seconds = time.perf_counter() - start
        if before is None:
            same = "no cached run yet"
        elif outputs(fresh) == outputs(before):
            same = "yes"
        else:
            same, deterministic = "NO: the experiment is not deterministic", False
        print(f"{experiment.rel_source:46} {seconds:8.1f}  {same}")
        total += seconds
    within = "within" if total <= BUDGET else "OVER"
    print(f"{'all experiments':46} {total:8.1f}  ({within} the budget of {BUDGET} s on 2 cores)")
    return deterministic and total <= BUDGET


def _pytest(*targets: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *targets],
        cwd=notebooks.ROOT,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start, run


def verify() -> bool:
    """The verification as `nox -s docs` runs it before the build, experiments cached, in its
    two parts: the pages (docs/) and the engine's own tests (tests/, the browser's aside)."""
    for experiment in notebooks.experiments():
        notebooks.executed(experiment)
    ok = True
    timed = {}
    for label, targets in (
        ("verification of the pages (pytest docs)", ["docs"]),
        ("the engine's own tests (guard copies, scaffold)", ["tests", "--ignore=tests/site"]),
    ):
        seconds, run = _pytest(*targets)
        timed[targets[0]] = seconds
        verdict = "passed" if run.returncode == 0 else f"FAILED:\n{run.stdout[-3000:]}"
        ok = ok and run.returncode == 0
        print(f"{label:50} {seconds:8.1f}  {verdict}")
    bare = subprocess.run(
        [sys.executable, "-m", "bench.snippets"],
        cwd=notebooks.ROOT,
        env={**os.environ, "PYTHONPATH": str(notebooks.ROOT / "tests")},
        capture_output=True,
        text=True,
    )
    lines = bare.stdout.strip().split("\n")
    bare_seconds = float(lines[-1])
    print(f"{'every code block run once, one process (bare)':50} {bare_seconds:8.1f}  {lines[0]}")
    # Each block runs twice, at two thread counts (engine/run.py, other_thread_count): twice
    # the bare run is the floor, and the overhead is what the pages' checks add to it.
    overhead = timed["docs"] / (2 * bare_seconds)
    within = "within" if overhead <= OVERHEAD else "OVER"
    print(
        f"{'pages against the bare run':50} {timed['docs'] / bare_seconds:7.2f}x  "
        "(each block runs at two thread counts: the floor is 2x)"
    )
    print(
        f"{'overhead: pages against twice the bare run':50} {overhead:7.2f}x  "
        f"({within} the goal of {OVERHEAD}x)"
    )
    return ok


def main() -> int:
    trained, verified = train_all(), verify()  # both run, whatever the first finds
    return 0 if trained and verified else 1


if __name__ == "__main__":
    sys.exit(main())
