"""Bands: how far each experiment figure moves over seeds and CPU kernel paths.

A figure from one training run is one draw. `nox -s spread` trains every experiment again with
`SEED = 0 … 4` on every kernel path the machine offers (engine/kernels.py: `default` and
`avx2`, and `avx512` where the CPU has it), and writes each figure's band, its reference value
(seed 0 on the reference path of the reference machine) and every run's value, to a reviewed
file per experiment, `tests/bands/<experiment>.json`.

Bands grow by machine: two CPUs on the same path can round differently (engine/kernels.py), so
each machine's runs are kept under its name (CPU model and probe). A spread run replaces this
machine's runs and keeps the other machines' runs while the code they measured is unchanged.
On the reference machine (the probe recorded in tests/bands/reference.json; the first machine
to measure bands records itself) it also writes the reference run; elsewhere it keeps the
file's. The verification reads those files:

- on the reference path it still checks each figure exactly against this run, and checks that
  the band file is current (measured on the same code, data and libraries);
- on any other path it checks each figure against its band, and says so at the start;
- everywhere, a range a page states (`data-band`) must be the band rounded outward, a bound
  (`data-bound`) must hold at every run, and a tolerance (`data-tol`) must cover the band.

Every assertion in an experiment is a claim too: a spread run whose assertion fails stops the
spread, naming the seed and the path, so a claim that holds at one seed only cannot stay.

    python -m engine.bands [experiment …]    (from the repository, PYTHONPATH=tests): nox -s spread
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import kernels, notebooks

SEEDS = (0, 1, 2, 3, 4)
FOLDER = Path("tests") / "bands"
# Keys a page may cite from the band file itself, to say what a range is over.
ABOUT = {
    "band_seeds": "seeds",
    "band_paths": "kernel paths (each machine's, counted apart)",
    "band_machines": "machines",
    "band_runs": "runs",
}


class BandError(Exception):
    """A band file that is missing, stale or unreadable. Says what to run."""


@dataclass(frozen=True)
class Band:
    reference: float
    low: float
    median: float
    high: float
    runs: tuple[float, ...]

    @property
    def varies(self) -> bool:
        return self.low != self.high


def path_of(experiment: notebooks.Experiment, root: Path | None = None) -> Path:
    return (root or experiment.root) / FOLDER / f"{experiment.name}.json"


@cache
def load(experiment: notebooks.Experiment) -> dict:
    """The experiment's band file, checked to be current for its code. Raises BandError."""
    path = path_of(experiment)
    rel = path.relative_to(experiment.root)
    how = f"run `nox -s spread -- {experiment.name}` and review `git diff {rel}`"
    if not path.is_file():
        raise BandError(f"{rel}: no band file for {experiment.rel_source}: {how}")
    data = json.loads(path.read_text(encoding="utf-8"))
    current = notebooks.code_key(notebooks.source_notebook(experiment), experiment)
    if data.get("code") != current:
        raise BandError(
            f"{rel}: measured on other code, data or library versions than "
            f"{experiment.rel_source} has now: {how}"
        )
    return data


def band(experiment: notebooks.Experiment, key: str) -> Band | None:
    """The band of one result, or None if the band file has no such key."""
    data = load(experiment)
    if key in ABOUT:
        value = float(
            {
                "band_seeds": len(data["seeds"]),
                "band_paths": sum(len(m["paths"]) for m in data["machines"].values()),
                "band_machines": len(data["machines"]),
                "band_runs": len(data["runs"]),
            }[key]
        )
        return Band(value, value, value, value, (value,))
    if key not in data["figures"]:
        return None
    row = data["figures"][key]
    return Band(row["reference"], row["min"], row["median"], row["max"], tuple(row["runs"]))


def measure(values: list[float], reference: float) -> dict:
    return {
        "reference": reference,
        "min": min(values),
        "median": round(statistics.median(values), 6),  # no float noise such as 23.049999…
        "max": max(values),
        "runs": values,
    }


def this_machine() -> tuple[str, dict]:
    """This machine's name in band files, and what the file says of it."""
    digest = kernels.probe(kernels.environment(kernels.REFERENCE))
    words = [w for w in re.findall(r"[A-Za-z]+", kernels.cpu_model()) if w.lower() not in SKIP]
    name = "-".join(w.lower() for w in words[:2]) or kernels.machine()
    return f"{name}-{digest[:8]}", {"cpu": kernels.cpu_model(), "probe": digest}


SKIP = {"r", "tm", "cpu", "processor", "core", "with", "radeon", "graphics"}


def render(
    experiment: notebooks.Experiment,
    code: str,
    machines: dict[str, dict],
    runs: dict[tuple[str, str, int], dict],
    reference: tuple[str, str, int],
    failed: list[str],
    notes: list[str] | tuple = (),
) -> str:
    """The band file's text: one figure a line, so that `git diff` shows what moved."""
    order = [
        (m, path, seed)
        for m, about in machines.items()
        for path in about["paths"]
        for seed in SEEDS
    ]
    keys = sorted(runs[reference])
    head = {
        "source": experiment.rel_source,
        "code": code,
        "machines": machines,
        "seeds": list(SEEDS),
        "runs": [label(run) for run in order],
        "reference": label(reference),
        # Claims (assertions) of the experiment that failed at some run: CI fails until none.
        "claims_failed": failed,
    }
    if notes:  # what a reviewer should know of some machine's runs, each note naming it first
        head["notes"] = list(notes)
    lines = ["{"] + [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    lines.append('  "figures": {')
    rows = []
    for key in keys:
        values = [float(runs[run][key]) for run in order]
        rows.append(f"    {json.dumps(key)}: {json.dumps(measure(values, runs[reference][key]))}")
    lines.append(",\n".join(rows))
    lines += ["  }", "}", ""]
    return "\n".join(lines)


def label(run: tuple[str, str, int]) -> str:
    return f"{run[0]} {run[1]} seed {run[2]}"


def unlabel(text: str) -> tuple[str, str, int]:
    """The run a label names: 'amd-epyc-d17ceb88 avx2 seed 0' -> (machine, path, seed)."""
    machine, path, _, seed = text.split()
    return machine, path, int(seed)


def stored_runs(data: dict) -> dict[tuple[str, str, int], dict]:
    """The runs a band file holds, as {(machine, path, seed): results}."""
    return {
        unlabel(text): {key: row["runs"][index] for key, row in data["figures"].items()}
        for index, text in enumerate(data["runs"])
    }


def claims(root: Path) -> dict[str, str]:
    """`experiment:key` -> where a page or a notebook first states it, with a few words."""
    from . import figures

    found: dict[str, str] = {}
    sources = sorted((root / "docs").rglob("*.md")) + [
        e.source for e in notebooks.experiments(root)
    ]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        rel = str(source.relative_to(root))
        lines = (
            figures.notebook_prose(text) if source.suffix == ".py" else figures.prose_lines(text)
        )
        for number, line in lines:
            for match in figures.SPAN.finditer(line):
                ref = figures.attributes(match["attrs"]).get("data-figure", "")
                if ref not in found:
                    words = figures.TAG.sub("", line[max(0, match.start() - 50) : match.start()])
                    found[ref] = f"{rel}:{number} …{words.strip()[-40:]}"
    return found


def table(experiment: notebooks.Experiment, text: str, where: dict[str, str]) -> str:
    data = json.loads(text)
    rows = [("figure", "reference", "min", "median", "max", "stated at")]
    for key, row in data["figures"].items():
        ref = f"{experiment.name}:{key}"
        rows.append(
            (
                ref,
                f"{row['reference']:g}",
                f"{row['min']:g}",
                f"{row['median']:g}",
                f"{row['max']:g}",
                where.get(ref, "(not stated)"),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(r[:5], widths, strict=True))
        + "  "
        + r[5]
        for r in rows
    )


def _one(experiment: notebooks.Experiment, path: str, seed: int) -> tuple[dict, list[str]]:
    """The results of one run of the experiment, on kernel path `path` with SEED = seed, and
    its claims (assertions) that failed. The reference run is the executed notebook the site
    shows (trained now if out of date), where every claim held, or it would not exist."""
    if (path, seed) == (kernels.REFERENCE, 0):
        return notebooks.results(experiment), []
    source = notebooks.source_notebook(experiment)
    notebooks.seed_of(experiment, source)
    try:
        measured = notebooks.execute(
            experiment, notebooks.with_seed(source, seed), kernels.environment(path), True
        )
    except notebooks.NotebookError as err:
        raise notebooks.NotebookError(f"with SEED = {seed} on the {path} path: {err}") from None
    return measured["results"], [f"{path} seed {seed}: {f}" for f in measured["failed"]]


def merge(
    experiment: notebooks.Experiment,
    code: str,
    runs: dict[tuple[str, int], dict],
    failed: list[str],
) -> tuple[str, list[str]]:
    """The band file's new text, from this machine's runs and the file's other machines' runs
    (kept only if they measured the same code), and what was dropped, to tell the user."""
    name, about = this_machine()
    mine_is_reference = kernels.recorded().get("probe") in (None, about["probe"])
    machines = {name: {**about, "paths": sorted({p for p, _ in runs}, key=ORDER.index)}}
    every = {(name, path, seed): found for (path, seed), found in runs.items()}
    claims_failed = [f"{name} {f}" for f in failed]
    notes: list[str] = []
    kept_notes: list[str] = []
    old_file = path_of(experiment)
    old = json.loads(old_file.read_text(encoding="utf-8")) if old_file.is_file() else None
    if old and "machines" in old:
        others = [m for m in old["machines"] if m != name]
        if old["code"] != code and others:
            notes.append(f"dropped the runs of {', '.join(others)}: measured on other code")
        elif others:
            kept = {run: v for run, v in stored_runs(old).items() if run[0] in others}
            every.update(kept)
            machines.update({m: old["machines"][m] for m in others})
            claims_failed += [f for f in old["claims_failed"] if f.split()[0] in others]
            kept_notes = [n for n in old.get("notes", []) if n.split()[0].rstrip(":") in others]
    if mine_is_reference:
        reference = (name, kernels.REFERENCE, 0)
    elif old and old.get("code") == code and "machines" in old:
        reference = unlabel(old["reference"])
    else:
        raise BandError(
            f"{path_of(experiment).relative_to(experiment.root)}: the reference run comes from "
            f"the reference machine ({kernels.recorded().get('cpu')}, tests/bands/reference.json)"
            ", and this file has none for the current code: run `nox -s spread` there first"
        )
    text = render(experiment, code, machines, every, reference, sorted(claims_failed), kept_notes)
    return text, notes


ORDER = list(kernels.PATHS)


def main(argv: list[str]) -> int:
    """Measure the bands of the named experiments (all by default), write them, print them."""
    if kernels.path_name() != kernels.REFERENCE:
        print(
            f"{kernels.banner()}\nnox -s spread measures bands on an x86-64 machine with AVX2, "
            "with no kernel variable set: the reference run must be on the reference path",
            file=sys.stderr,
        )
        return 2
    every = notebooks.experiments()
    unknown = [name for name in argv if not notebooks.by_name(name)]
    if unknown:
        known = ", ".join(e.name for e in every)
        print(f"no experiment named {', '.join(unknown)}; experiments: {known}", file=sys.stderr)
        return 2
    chosen = [e for e in every if not argv or e.name in argv]
    paths = kernels.offered()
    jobs = [(e, p, s) for e in chosen for p in paths for s in SEEDS]
    name, about = this_machine()
    if not kernels.recorded():
        kernels.RECORD.parent.mkdir(parents=True, exist_ok=True)
        kernels.RECORD.write_text(json.dumps(about, indent=2) + "\n", encoding="utf-8")
        print(f"this machine is now the reference machine: {kernels.RECORD}")
    role = "the reference machine" if kernels.is_reference() else "not the reference machine"
    print(
        f"{kernels.banner()}\nmachine {name} ({about['cpu']}), {role}\n"
        f"measuring {len(chosen)} experiments x {len(paths)} kernel paths "
        f"({', '.join(paths)}) x {len(SEEDS)} seeds = {len(jobs)} runs, 2 at a time",
        flush=True,
    )
    runs: dict[str, dict] = {e.name: {} for e in chosen}
    claims_failed: dict[str, list[str]] = {e.name: [] for e in chosen}
    broken: dict[str, list[str]] = {e.name: [] for e in chosen}
    done = 0
    start = time.perf_counter()

    def one(job) -> None:
        nonlocal done
        experiment, path, seed = job
        began = time.perf_counter()
        try:
            found, failed = _one(experiment, path, seed)
        except notebooks.NotebookError as err:
            broken[experiment.name].append(str(err))
            status = "FAILED (no results)"
        else:
            runs[experiment.name][path, seed] = found
            claims_failed[experiment.name] += failed
            status = f"{time.perf_counter() - began:.0f} s"
            status += f", {len(failed)} claim(s) failed" if failed else ""
        done += 1
        print(f"[{done}/{len(jobs)}] {experiment.name} {path} seed {seed}: {status}", flush=True)

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, jobs))
    where = claims(notebooks.ROOT)
    status = 0
    for experiment in chosen:
        if broken[experiment.name]:
            print("\n\n".join(broken[experiment.name]), file=sys.stderr)
            print(f"{experiment.name}: no band file written", file=sys.stderr)
            status = 1
            continue
        failed = sorted(claims_failed[experiment.name])
        code = notebooks.code_key(notebooks.source_notebook(experiment), experiment)
        try:
            text, notes = merge(experiment, code, runs[experiment.name], failed)
        except BandError as err:
            print(str(err), file=sys.stderr)
            status = 1
            continue
        path = path_of(experiment)
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text(encoding="utf-8") if path.is_file() else None
        path.write_text(text, encoding="utf-8")
        state = "unchanged" if before == text else "written"
        print(
            f"\n{path.relative_to(notebooks.ROOT)} ({state}{'; ' if notes else ''}"
            f"{'; '.join(notes)})"
        )
        print(table(experiment, text, where))
        failed = json.loads(text)["claims_failed"]
        if failed:
            status = 1
            print(
                f"{len(failed)} claim(s) of {experiment.rel_source} did not hold at every run; "
                "reword or scope them, or change the experiment:\n  " + "\n  ".join(failed)
            )
    print(
        f"\n{len(jobs)} runs in {time.perf_counter() - start:.0f} s; review `git diff tests/bands`"
    )
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
