"""The CPU kernel path: which code torch's ATen, MKL and oneDNN run, pinned to one reference.

The same seed and one thread do not make training portable: ATen picks vectorised kernels by
the CPU's instruction set, and MKL and oneDNN each pick their own code path. One experiment
figure measured 11.9%, 22.3% or 26.5% on the same machine, depending on the path. So on
x86-64 every run of the verification (snippets, quiz proofs, experiments, `nox -s update`)
uses the **reference path**, AVX2 for all three libraries, which any x86-64 CPU with AVX2 can
run; it then reproduces the reference numbers byte for byte.

- A variable the user has set is kept, so another path can be reproduced on purpose:
  `ATEN_CPU_CAPABILITY=default MKL_ENABLE_INSTRUCTIONS=SSE4_2 ONEDNN_MAX_CPU_ISA=SSE41`.
- Off the reference path (a variable set otherwise, a CPU without AVX2, arm64), experiment
  figures are checked against their bands, the spread that `nox -s spread` measured over
  seeds and paths (tests/bands/), and every run says so in its first lines.

Standard library only: `noxfile.py` imports it too, before any session starts.

    python tests/engine/kernels.py      prints the path this shell would run on
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

VARIABLES = ("ATEN_CPU_CAPABILITY", "MKL_ENABLE_INSTRUCTIONS", "ONEDNN_MAX_CPU_ISA")
# Each kernel path `nox -s spread` can measure, as the values of the three variables.
PATHS = {
    "default": ("default", "SSE4_2", "SSE41"),
    "avx2": ("avx2", "AVX2", "AVX2"),
    "avx512": ("avx512", "AVX512", "AVX512_CORE"),
}
REFERENCE = "avx2"
# What each path needs of the CPU (flags as /proc/cpuinfo names them).
NEEDS = {
    "default": set(),
    "avx2": {"avx2", "fma"},
    "avx512": {"avx512f", "avx512bw", "avx512vl", "avx512dq"},
}
X86 = {"x86_64", "amd64"}


def machine() -> str:
    return platform.machine().lower()


def cpu_flags() -> set[str] | None:
    """The CPU's feature flags, or None where they cannot be read (not Linux)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.partition(":")[2].split())
    return None


def offered() -> list[str]:
    """The paths this machine can run, slowest first (none off x86-64)."""
    if machine() not in X86:
        return []
    flags = cpu_flags()
    if flags is None:  # x86-64 outside Linux: every such Mac and PC of the last decade has AVX2
        return ["default", "avx2"]
    return [name for name, needs in NEEDS.items() if needs <= flags]


def pin(environ: os._Environ | dict = os.environ) -> None:
    """Set the reference path's variables that are not set yet, where the CPU can run it.

    Must run before torch is imported: the libraries read the variables once, at start-up.
    """
    if REFERENCE not in offered():
        return
    missing = [v for v in VARIABLES if v not in environ]
    if missing and "torch" in sys.modules and environ is os.environ:
        raise RuntimeError(
            "engine.kernels.pin() ran after torch was imported, too late to choose its kernels: "
            "import the engine (or run through nox) before importing torch"
        )
    for variable, value in zip(VARIABLES, PATHS[REFERENCE], strict=True):
        environ.setdefault(variable, value)


def path_name(environ: os._Environ | dict = os.environ) -> str:
    """'avx2', 'default' or 'avx512' when the three variables name one of PATHS on x86-64;
    else a description such as 'arm64' or 'x86_64 ATEN_CPU_CAPABILITY=default (others unset)'."""
    values = tuple(environ.get(v) for v in VARIABLES)
    if machine() in X86:
        for name, wanted in PATHS.items():
            if values == wanted and name in offered():
                return name
    if machine() not in X86 and not any(values):
        return machine()
    set_ = " ".join(f"{v}={environ[v]}" for v in VARIABLES if v in environ) or "no variable set"
    return f"{machine()} {set_}"


def is_reference(environ: os._Environ | dict = os.environ) -> bool:
    return path_name(environ) == REFERENCE


def fingerprint(environ: os._Environ | dict = os.environ) -> str:
    """What an executed notebook records of the path: the machine and the three variables."""
    values = " ".join(f"{v}={environ.get(v, '')}" for v in VARIABLES)
    return f"{machine()} {values}"


def environment(name: str) -> dict[str, str]:
    """os.environ with the three variables set for the path `name` (for a child process)."""
    return dict(os.environ, **dict(zip(VARIABLES, PATHS[name], strict=True)))


def banner(environ: os._Environ | dict = os.environ) -> str:
    """One line for the start of every run: which path, and how figures are checked."""
    name = path_name(environ)
    if name == REFERENCE:
        return (
            f"kernel path: {REFERENCE}, the reference ({fingerprint(environ)}): experiment "
            "figures are checked exactly"
        )
    return (
        f"kernel path: {name}, not the reference {REFERENCE} ({fingerprint(environ)}): "
        "experiment figures are checked against their bands (tests/bands/), not exactly"
    )


if __name__ == "__main__":
    pin()
    print(banner())
