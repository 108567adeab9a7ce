"""Run one code block the way pytest-codeblocks does, and check that its output is reproducible.

Runs are remembered for the rest of the verification (`RUNS`): the guard and scaffold tests
verify copies of the project in processes of their own, and a block they run unchanged, with the
same seed and thread count, has already been run by this verification. `save_runs` writes what
this process ran to a file that they read (named by HS_RUNS); what they change runs for real.
"""

from __future__ import annotations

import hashlib
import json
import linecache
import os
import random
import sys
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

from pytest_codeblocks.main import stdout_io


@dataclass
class Result:
    stdout: str
    error: str | None = None  # a traceback limited to the snippet's own frames


def execute(
    code: str, filename: str, first_line: int = 1, rng_seed: int = 0, threads: int | None = None
) -> Result:
    """exec `code` in fresh globals with stdout captured, as pytest-codeblocks' runner does.

    `filename` and `first_line` make tracebacks point at the snippet file and its real line.
    The global random generators are set to `rng_seed` first, so that a snippet which forgets
    to seed its own generator prints differently from one run to the next and gets caught.
    With `threads`, torch computes with that many CPU threads for this run only.
    """
    key = _key(code, filename, first_line, rng_seed, threads)
    if key in _runs():
        return _runs()[key]
    _runs()[key] = result = _execute(code, filename, first_line, rng_seed, threads)
    return result


RUNS = "HS_RUNS"  # a file of runs this verification has made already (see save_runs)
_RUNS: dict[str, Result] = {}


_SAVED_THREADS: list[int] = []  # other_thread_count() of the process that saved the runs


def _runs() -> dict[str, Result]:
    if not _RUNS and os.environ.get(RUNS) and Path(os.environ[RUNS]).is_file():
        saved = json.loads(Path(os.environ[RUNS]).read_text(encoding="utf-8"))
        _RUNS.update({key: Result(**fields) for key, fields in saved["runs"].items()})
        _SAVED_THREADS[:] = [saved["threads"]]
    return _RUNS


def save_runs(path: Path) -> dict[str, str]:
    """Write the runs made so far to `path`; returns the environment that lets a verification
    in another process reuse them. (Such a process imports torch only for a block it runs.)"""
    runs = {key: asdict(result) for key, result in _runs().items()}
    path.write_text(json.dumps({"threads": other_thread_count(), "runs": runs}), encoding="utf-8")
    return {RUNS: str(path)}


def _key(code: str, filename: str, first_line: int, rng_seed: int, threads: int | None) -> str:
    """What a run's output depends on: the code as run, where it says it is, the seed, the
    thread count (the data files a snippet reads are not part of it: no copy changes them)."""
    text = json.dumps([code, filename, first_line, rng_seed, threads])
    return hashlib.sha256(text.encode()).hexdigest()


def _execute(
    code: str, filename: str, first_line: int, rng_seed: int, threads: int | None
) -> Result:
    source = "\n" * (first_line - 1) + code
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    threads_before = _torch_threads()  # imports torch first, so that it is seeded too
    _seed_global_generators(rng_seed)
    if threads is not None and threads_before is not None:
        sys.modules["torch"].set_num_threads(threads)
    try:
        with stdout_io() as out:
            try:
                # Same globals as pytest-codeblocks: __name__ is not "__main__" here.
                exec(compile(source, filename, "exec"), {"__MODULE__": "__main__"})
            except BaseException as err:
                return Result(out.getvalue(), _snippet_traceback(err, filename))
        return Result(out.getvalue())
    finally:
        # Neither a snippet that calls torch.set_num_threads(1) nor `threads` may set it for the
        # blocks after it: each block's second run uses another thread count (plugin.py). Nor
        # may a torch.set_default_dtype(torch.float64) change what the next blocks print.
        if threads_before is not None:
            torch = sys.modules["torch"]
            torch.set_num_threads(threads_before)
            torch.set_default_dtype(torch.float32)


def other_thread_count() -> int:
    """A thread count other than torch's default here: 1, or 2 where the default is 1. Each
    block runs once at each, so that an output that depends on the number of CPU threads (the
    order of a parallel sum) fails on any machine, not only on one with another core count."""
    _runs()  # a saved file of runs names the count it was made with: no need to import torch
    if _SAVED_THREADS:
        return _SAVED_THREADS[0]
    default = _torch_threads()
    return 2 if default in (None, 1) else 1


def _torch_threads() -> int | None:
    """torch's thread count before a snippet runs (importing torch first: a snippet that
    imports it and sets one thread would leave no default to go back to)."""
    try:
        import torch
    except ImportError:
        return None
    return torch.get_num_threads()


def _seed_global_generators(seed: int) -> None:
    """Seed Python's, torch's and numpy's global generators (the latter two if imported yet)."""
    random.seed(seed)
    if torch := sys.modules.get("torch"):
        # The CPU generator, which is all a CPU run draws from: torch.manual_seed also queues a
        # seed for every accelerator, recording the caller's stack each time (about a
        # millisecond inside pytest, on each of about 850 runs).
        torch.random.default_generator.manual_seed(seed)
    if numpy := sys.modules.get("numpy"):
        numpy.random.seed(seed)


def _snippet_traceback(err: BaseException, filename: str) -> str:
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == filename]
    lines = traceback.format_list(frames) + traceback.format_exception_only(err)
    return "Traceback (snippet frames only):\n" + "".join(lines)
