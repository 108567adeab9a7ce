"""Run one code block the way pytest-codeblocks does, and check that its output is reproducible."""

from __future__ import annotations

import linecache
import random
import sys
import traceback
from dataclasses import dataclass

from pytest_codeblocks.main import stdout_io


@dataclass
class Result:
    stdout: str
    error: str | None = None  # a traceback limited to the snippet's own frames


def execute(code: str, filename: str, first_line: int = 1, rng_seed: int = 0) -> Result:
    """exec `code` in fresh globals with stdout captured, as pytest-codeblocks' runner does.

    `filename` and `first_line` make tracebacks point at the snippet file and its real line.
    The global random generators are set to `rng_seed` first, so that a snippet which forgets
    to seed its own generator prints differently from one run to the next and gets caught.
    """
    source = "\n" * (first_line - 1) + code
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    _seed_global_generators(rng_seed)
    threads = _torch_threads()
    try:
        with stdout_io() as out:
            try:
                # Same globals as pytest-codeblocks: __name__ is not "__main__" here.
                exec(compile(source, filename, "exec"), {"__MODULE__": "__main__"})
            except BaseException as err:
                return Result(out.getvalue(), _snippet_traceback(err, filename))
        return Result(out.getvalue())
    finally:
        # A snippet that calls torch.set_num_threads(1) must not set it for the blocks after it:
        # the determinism test runs the pages at several thread counts.
        if threads is not None:
            sys.modules["torch"].set_num_threads(threads)


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
        torch.manual_seed(seed)
    if numpy := sys.modules.get("numpy"):
        numpy.random.seed(seed)


def _snippet_traceback(err: BaseException, filename: str) -> str:
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == filename]
    lines = traceback.format_list(frames) + traceback.format_exception_only(err)
    return "Traceback (snippet frames only):\n" + "".join(lines)
