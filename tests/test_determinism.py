"""The same commit prints the same outputs whatever the number of CPU threads.

Each run compares every block with its .out file byte for byte, so two passing runs with
different thread counts mean identical outputs: the verification itself runs at torch's
default count, and this test runs it again at each other count of 1 and 2. (Run-to-run
repeatability is checked for every block by the engine itself, which runs each block twice
with different global seeds.)
The experiment notebooks are not trained again here: both runs reuse their cached run.
`nox -s bench` trains them again with OMP_NUM_THREADS=1 and compares the outputs.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from engine.plugin import ROOT


def threads_of_this_run() -> int:
    import torch

    return torch.get_num_threads()


# The pages of this very run are compared at torch's default thread count (two on CI's two
# cores): that count needs no second run here.
THREADS = [t for t in ("1", "2") if int(t) != threads_of_this_run()] or ["1"]


@pytest.mark.parametrize("threads", THREADS)
def test_outputs_match_with_threads(threads):
    env = dict(os.environ, OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "docs", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, f"with OMP_NUM_THREADS={threads}:\n{run.stdout[-4000:]}"
    assert "passed" in run.stdout
