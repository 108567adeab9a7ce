"""Kernel paths: named as the three variables choose them, and obeyed by torch."""

from __future__ import annotations

import pytest

from engine import kernels


def test_each_path_is_named_by_its_variables():
    for name in kernels.offered():
        assert kernels.path_name(kernels.environment(name)) == name
    assert kernels.path_name({"ATEN_CPU_CAPABILITY": "default"}) == "ATEN_CPU_CAPABILITY=default"


@pytest.mark.skipif("default" not in kernels.offered(), reason="x86-64 only")
def test_the_default_path_is_what_torch_runs(tmp_path):
    """A child process on the `default` path: ATen reports the capability the path names."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", "import torch; print(torch.backends.cpu.get_cpu_capability())"],
        env=kernels.environment("default"),
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "DEFAULT"
