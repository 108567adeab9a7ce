"""The CPU kernel path: which code torch's ATen, MKL and oneDNN run, pinned to one reference.

The same seed and one thread do not make training portable: ATen picks vectorised kernels by
the CPU's instruction set, and MKL and oneDNN each pick their own code path. One experiment
figure measured 11.9%, 22.3% or 26.5% on the same machine, depending on the path. So on
x86-64 every run of the verification (snippets, quiz proofs, experiments, `nox -s update`)
uses the **reference path**, AVX2 for all three libraries, which any x86-64 CPU with AVX2 can
run; it then reproduces the reference numbers byte for byte.

- A variable the user has set is kept, so another path can be reproduced on purpose:
  `ATEN_CPU_CAPABILITY=default MKL_ENABLE_INSTRUCTIONS=SSE4_2 ONEDNN_MAX_CPU_ISA=SSE41`.
- The same path on another CPU is not the same arithmetic: MKL and oneDNN also pick kernels
  by vendor, model and cache sizes (measured: on an Intel Xeon, the AVX2 path moved every
  experiment that an AMD EPYC reproduced exactly, and no `MKL_CBWR` setting brought it back).
  So the reference is the AVX2 path **on CPUs whose kernels compute what the reference
  machine's did**, told by the **probe**: a few steps of training an RNN, an LSTM and a GRU
  with a linear head, one thread, hashed (`probe()`, a couple of seconds, cached per machine
  and path). `tests/bands/reference.json` holds the reference machine's probe.
- Off the reference (a variable set otherwise, a CPU without AVX2, arm64, or a probe that
  differs), experiment figures are checked against their bands, the spread that
  `nox -s spread` measured over seeds, paths and machines (tests/bands/), and every run says
  so in its first lines.

Standard library only: `noxfile.py` imports it too, before any session starts.

    python tests/engine/kernels.py      prints the path this shell would run on
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
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


RECORD = Path(__file__).resolve().parents[1] / "bands" / "reference.json"
# Trains each kind of layer the experiments use for a few steps, on one thread, and prints a
# hash of the weights: MKL's GEMM (the linear layers, the RNN and GRU), oneDNN's LSTM, ATen's
# vectorised tanh, sigmoid and softmax, and Adam. Any kernel that rounds differently shows.
PROBE = """
import hashlib
import torch
from torch import nn

torch.set_num_threads(1)
torch.manual_seed(0)
digest = hashlib.sha256()
x = torch.randn(32, 40, 10)
target = torch.randint(0, 10, (32, 40))
for layer in (nn.RNN(10, 64, batch_first=True), nn.LSTM(10, 64, batch_first=True),
              nn.GRU(10, 64, batch_first=True)):
    head = nn.Sequential(nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 10))
    params = [*layer.parameters(), *head.parameters()]
    optimiser = torch.optim.Adam(params, lr=0.01)
    for _ in range(3):
        out, _ = layer(x)
        loss = nn.functional.cross_entropy(head(out).flatten(0, 1), target.flatten())
        optimiser.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, 1.0)
        optimiser.step()
    for p in params:
        digest.update(p.detach().numpy().tobytes())
print(digest.hexdigest()[:16])
"""


def cpu_model() -> str:
    """The CPU's model name, e.g. 'AMD EPYC 7B13' (or the machine type where unreadable)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or machine()


VENV = Path(__file__).resolve().parents[2] / ".venv"


def _python_and_torch() -> tuple[str, str]:
    """The interpreter that runs the probe, and its torch's version: this one if it has torch,
    else the project's environment (nox's own Python has none)."""
    if find_spec("torch") or not (VENV / "bin" / "python").exists():
        try:
            return sys.executable, version("torch")
        except PackageNotFoundError:
            return sys.executable, "none"
    found = sorted(p.name for p in VENV.glob("lib/python*/site-packages/torch-*.dist-info"))
    return str(VENV / "bin" / "python"), ",".join(found) or "none"


def _cache_file(environ, torch_version: str) -> Path:
    key = json.dumps(
        [
            cpu_model(),
            sorted(cpu_flags() or ()),
            [environ.get(v) for v in VARIABLES],
            environ.get("MKL_CBWR"),
            torch_version.removeprefix("torch-").removesuffix(".dist-info"),
            PROBE,
        ]
    )
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hidden-state"
    return folder / f"kernel-probe-{hashlib.sha256(key.encode()).hexdigest()[:16]}.txt"


@cache
def _probe(values: tuple) -> str:
    environ = dict(os.environ, **{v: x for v, x in zip(VARIABLES, values, strict=True) if x})
    python, torch_version = _python_and_torch()
    cached = _cache_file(environ, torch_version)
    if cached.is_file():
        return cached.read_text().strip()
    run = subprocess.run(
        [python, "-c", PROBE], env=environ, capture_output=True, text=True, check=False
    )
    if run.returncode:  # no torch to run it with: nothing to compare
        return "not run (no torch)"
    digest = run.stdout.strip()
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(digest + "\n")
    return digest


def probe(environ: os._Environ | dict = os.environ) -> str:
    """The probe's hash on this CPU and path (see PROBE), cached per machine, path and torch."""
    return _probe(tuple(environ.get(v) for v in VARIABLES))


def recorded() -> dict:
    """The reference machine: its probe and CPU model (tests/bands/reference.json)."""
    try:
        return json.loads(RECORD.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_reference(environ: os._Environ | dict = os.environ) -> bool:
    """On the reference path, on a CPU whose probe matches the reference machine's."""
    return path_name(environ) == REFERENCE and probe(environ) == recorded().get("probe")


def fingerprint(environ: os._Environ | dict = os.environ) -> str:
    """What an executed notebook records of the path: the machine, the three variables and
    the probe (two CPUs on the same path may round differently)."""
    values = " ".join(f"{v}={environ.get(v, '')}" for v in VARIABLES)
    return f"{machine()} {values} probe={probe(environ)}"


def environment(name: str) -> dict[str, str]:
    """os.environ with the three variables set for the path `name` (for a child process)."""
    return dict(os.environ, **dict(zip(VARIABLES, PATHS[name], strict=True)))


def banner(environ: os._Environ | dict = os.environ) -> str:
    """One line for the start of every run: which path, and how figures are checked."""
    name = path_name(environ)
    if is_reference(environ):
        return (
            f"kernel path: {REFERENCE}, the reference ({fingerprint(environ)}): experiment "
            "figures are checked exactly"
        )
    if name == REFERENCE:
        wanted = recorded()
        return (
            f"kernel path: {REFERENCE}, but not the reference: this CPU ({cpu_model()}) gives "
            f"probe={probe(environ)}, the reference machine ({wanted.get('cpu', 'not recorded')}) "
            f"probe={wanted.get('probe', 'not recorded')}: experiment figures are checked "
            "against their bands (tests/bands/), not exactly"
        )
    return (
        f"kernel path: {name}, not the reference {REFERENCE} ({fingerprint(environ)}): "
        "experiment figures are checked against their bands (tests/bands/), not exactly"
    )


if __name__ == "__main__":
    pin()
    print(banner())
