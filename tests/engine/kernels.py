"""CPU kernel paths: which vectorised code torch's ATen, MKL and oneDNN run on an x86-64 CPU.

A seed and one thread make a training run repeatable on one machine and one path, not across
them: each path (and each CPU model: MKL and oneDNN also choose by vendor and cache) rounds
differently, and training amplifies the difference. The site does not pin a path. It treats
another path or CPU as one more random draw, like another seed, and checks each run against
tolerances calibrated on many draws (engine/bands.py). `nox -s spread` spreads its runs over
the paths this machine offers, so that the draws it measures include that variation too.

A path is chosen with three variables, read once when torch loads:
`ATEN_CPU_CAPABILITY=default MKL_ENABLE_INSTRUCTIONS=SSE4_2 ONEDNN_MAX_CPU_ISA=SSE41`.

Standard library only: `noxfile.py` imports it before any session starts.

    python tests/engine/kernels.py      prints the CPU and the path this shell would run on
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

VARIABLES = ("ATEN_CPU_CAPABILITY", "MKL_ENABLE_INSTRUCTIONS", "ONEDNN_MAX_CPU_ISA")
# The paths `nox -s spread` can run, as the values of the three variables. "native" sets none:
# each library picks the best it knows for this CPU, as a reader's own run does.
PATHS = {
    "native": (None, None, None),
    "default": ("default", "SSE4_2", "SSE41"),
    "avx2": ("avx2", "AVX2", "AVX2"),
    "avx512": ("avx512", "AVX512", "AVX512_CORE"),
}
# What each explicit path needs of the CPU (flags as /proc/cpuinfo names them).
NEEDS = {
    "default": set(),
    "avx2": {"avx2", "fma"},
    "avx512": {"avx512f", "avx512bw", "avx512vl", "avx512dq"},
}
X86 = {"x86_64", "amd64"}


def machine() -> str:
    return platform.machine().lower()


def cpu_model() -> str:
    """The CPU's model name, e.g. 'AMD EPYC 7B13' (or the machine type where unreadable)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or machine()


def offered() -> list[str]:
    """The paths this machine can run: "native" first, then the explicit x86-64 ones its CPU
    has the instructions for (none elsewhere: arm64 has one path)."""
    if machine() not in X86:
        return ["native"]
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        flags = next(set(line.split(":")[1].split()) for line in lines if line.startswith("flags"))
    except (OSError, StopIteration):  # x86-64 outside Linux: such CPUs of the decade have AVX2
        flags = NEEDS["avx2"]
    return ["native", *(name for name, needs in NEEDS.items() if needs <= flags)]


def environment(name: str) -> dict[str, str]:
    """os.environ with the three variables set for the path `name` ("native": all unset)."""
    environ = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    return environ | {v: x for v, x in zip(VARIABLES, PATHS[name], strict=True) if x}


def path_name(environ: os._Environ | dict = os.environ) -> str:
    """The name of the path the variables choose ("native" when none is set), or what they say."""
    values = tuple(environ.get(v) for v in VARIABLES)
    for name, wanted in PATHS.items():
        if values == wanted:
            return name
    return " ".join(f"{v}={environ[v]}" for v in VARIABLES if v in environ)


def describe(environ: os._Environ | dict = os.environ) -> str:
    """This machine and path in a few words: 'Intel(R) Xeon(R) Processor, x86_64, path native'."""
    return f"{cpu_model()}, {machine()}, kernel path {path_name(environ)}"


if __name__ == "__main__":
    print(describe())
