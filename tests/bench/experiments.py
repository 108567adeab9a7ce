"""Experiment timings for `nox -s bench`: each experiment trained from scratch, then the
whole verification with the experiments cached.

Each experiment runs in a fresh kernel, ignoring the cache, and what it measured is compared
with the executed notebook that the tests keep in docs/: the same figures (`setup` and
`results`) and the same plots from two separate runs (this one with OMP_NUM_THREADS=1) are
evidence that the experiment is deterministic. Wall-clock timings, printed or plotted, differ
from run to run by nature: an experiment with `timings` has its figures compared, not its plots.

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


def measured(notebook) -> str:
    """The figures and, unless the run measured wall-clock timings, the plots."""
    meta = notebook.metadata[notebooks.META]
    plots = [
        output["data"]["image/svg+xml"]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "image/svg+xml" in output.get("data", {})
    ]
    kept = {"setup": meta.get("setup"), "results": meta["results"]}
    return json.dumps(kept if meta.get("timings") else kept | {"plots": plots}, sort_keys=True)


def train_all() -> bool:
    """Train every experiment from scratch; True if each matched its cached run, within budget."""
    os.environ["OMP_NUM_THREADS"] = "1"  # inherited by the kernels started below
    total, deterministic = 0.0, True
    print(f"{'experiment (trained from scratch)':46} {'seconds':>8}  same figures and plots")
    for experiment in notebooks.experiments():
        before = notebooks.cached(experiment)  # the seed, code and CPU of this machine's run
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            fresh = notebooks.run(experiment, path=Path(tmp) / "fresh.ipynb")
            seconds = time.perf_counter() - start
        if before is None:
            same = "no cached run yet"
        elif measured(fresh) == measured(before):
            same = "yes" if not fresh.metadata[notebooks.META].get("timings") else "yes (figures)"
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
