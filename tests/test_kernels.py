"""The reference kernel path: pinned where the CPU runs it, never over what the user chose, and
named at the start of every run (engine/kernels.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from engine import kernels
from engine.plugin import ROOT

PINNED = dict(zip(kernels.VARIABLES, kernels.PATHS["avx2"], strict=True))
DEFAULT = dict(zip(kernels.VARIABLES, kernels.PATHS["default"], strict=True))
needs_avx2 = pytest.mark.skipif(
    "avx2" not in kernels.offered(), reason="this CPU cannot run the reference path"
)


@needs_avx2
def test_pin_sets_the_reference_path_on_an_avx2_machine():
    environ: dict[str, str] = {}
    kernels.pin(environ)
    assert environ == PINNED
    assert kernels.path_name(environ) == kernels.REFERENCE


@needs_avx2
def test_pin_keeps_what_the_user_set():
    environ = {"ATEN_CPU_CAPABILITY": "default"}
    kernels.pin(environ)
    assert environ["ATEN_CPU_CAPABILITY"] == "default"
    assert not kernels.is_reference(environ)
    assert "not the reference" in kernels.banner(environ)
    assert "against their bands" in kernels.banner(environ)


@needs_avx2
def test_each_path_has_its_own_notebook_fingerprint():
    assert kernels.path_name(DEFAULT) == "default"
    assert kernels.fingerprint(DEFAULT) != kernels.fingerprint(PINNED)
    assert kernels.machine() in kernels.fingerprint(PINNED)


@needs_avx2
def test_the_probe_repeats_and_tells_kernels_apart():
    """The probe run afresh gives the cached hash again; another path gives another hash."""

    def fresh(environ: dict[str, str]) -> str:
        run = subprocess.run(
            [sys.executable, "-c", kernels.PROBE],
            env=dict(os.environ, **environ),
            capture_output=True,
            text=True,
            check=True,
        )
        return run.stdout.strip()

    assert fresh(PINNED) == kernels.probe(PINNED)
    assert fresh(DEFAULT) != kernels.probe(PINNED)


@needs_avx2
def test_the_reference_path_on_another_cpu_is_checked_against_bands(monkeypatch):
    """Same variables, but a probe unlike the reference machine's: not the reference."""
    monkeypatch.setattr(kernels, "recorded", lambda: {"probe": "0" * 16, "cpu": "elsewhere"})
    assert kernels.path_name(PINNED) == kernels.REFERENCE
    assert not kernels.is_reference(PINNED)
    assert "but not the reference" in kernels.banner(PINNED)
    assert "against their bands" in kernels.banner(PINNED)
    monkeypatch.setattr(kernels, "recorded", lambda: {"probe": kernels.probe(PINNED)})
    assert kernels.is_reference(PINNED)
    assert "the reference (" in kernels.banner(PINNED)


def test_this_run_is_on_the_path_its_banner_names():
    """The engine pinned the variables before torch loaded, and torch obeyed them."""
    import torch

    name = kernels.path_name()
    if name in kernels.PATHS:
        wanted = "DEFAULT" if name == "default" else name.upper()
        assert torch.backends.cpu.get_cpu_capability() == wanted


def test_a_run_says_its_path_in_its_first_lines():
    env = dict(os.environ, **DEFAULT)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_reading_time.py", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    head = "\n".join(run.stdout.splitlines()[:5])
    assert "kernel path: default, not the reference" in head, run.stdout[-2000:]
