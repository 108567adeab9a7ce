"""The two commands that train experiments.

    python -m engine.experiments             this machine's run of every experiment that has
                                             none up to date (`nox -s check`, `docs`, `serve`),
                                             then how each run compares with its band file
    python -m engine.experiments spread [experiment …] [--trial RUNS HELDOUT]
                                             `nox -s spread`: RUNS runs of each experiment for
                                             its band file, then HELDOUT runs it never uses,
                                             checked like CI's run; a trial with fewer runs
                                             prints the same table and writes nothing

Both run from the repository with PYTHONPATH=tests. Each run trains on one thread, so two run
side by side on two cores without changing a number.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from . import bands, figures, kernels, notebooks

RUNS = 30  # seeds 0 … RUNS - 1, for the band files
HELDOUT = 5  # seeds RUNS … RUNS + HELDOUT - 1: never in a band, checked as CI's run is
GOAL = 1  # held-out figures outside their tolerance, over all experiments, at the most


def say(line: str) -> None:
    """One line of progress from one of two runs side by side, written whole: print() writes
    the text and its newline apart, so two threads could run their lines together."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def banner() -> str:
    return (
        f"experiments run on {kernels.describe()}; each run is checked against its band file "
        "(tests/bands/), with tolerances calibrated on runs at other seeds and kernel paths"
    )


def run_all() -> int:
    """Train what is stale, two at a time; then compare each run with its band file and write
    the comparison at the end of its notebook. Returns 1 if an experiment failed to run."""
    print(banner(), flush=True)
    stale = [e for e in notebooks.experiments() if notebooks.cached(e) is None]
    failed: list[str] = []

    def one(experiment: notebooks.Experiment) -> None:
        start = time.perf_counter()
        try:
            notebooks.executed(experiment)
        except notebooks.NotebookError as err:
            failed.append(str(err))
            say(f"FAILED {experiment.rel_source}")
            return
        say(f"ran {experiment.rel_source} in {time.perf_counter() - start:.1f} s")

    if stale:
        print(f"running {len(stale)} experiments, 2 at a time ...", flush=True)
        with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
            list(pool.map(one, stale))
    for experiment in notebooks.experiments():
        if experiment.executed_path.is_file() and not any(
            experiment.rel_source in f for f in failed
        ):
            bands.annotate(experiment)
            print(f"{experiment.name}: {verdict(experiment)}", flush=True)
    for message in failed:
        print(message, file=sys.stderr)
    return 1 if failed else 0


def verdict(experiment: notebooks.Experiment) -> str:
    """One line: whether this machine's run agrees with the band file."""
    why = bands.stale(experiment)
    if why:
        return why
    data = bands.read(experiment.name, experiment.root)
    problems = bands.outside(data, notebooks.measured(experiment))
    if problems:
        return "OUTSIDE the band file: " + "; ".join(problems)
    return f"every claim held; {len(bands.compared(data))} compared figures within tolerance"


def _train(job: tuple) -> dict:
    experiment, path, seed = job
    source = notebooks.source_notebook(experiment)
    notebooks.seed_of(experiment, source)  # one `SEED = …` line, or a located error
    return notebooks.execute(
        experiment, notebooks.with_seed(source, seed), kernels.environment(path), True
    )


def spread(names: list[str], runs_n: int = RUNS, heldout_n: int = HELDOUT) -> int:
    """Measure, write and print the band files of the named experiments (all by default). With
    fewer runs than RUNS (a trial while changing an experiment), nothing is written."""
    trial = (runs_n, heldout_n) != (RUNS, HELDOUT)
    if runs_n < 3:
        print("a spread needs at least 3 runs for the band file", file=sys.stderr)
        return 2
    every = notebooks.experiments()
    unknown = [name for name in names if not notebooks.by_name(name)]
    if unknown:
        known = ", ".join(e.name for e in every)
        print(f"no experiment named {', '.join(unknown)}; experiments: {known}", file=sys.stderr)
        return 2
    chosen = [e for e in every if not names or e.name in names]
    paths = kernels.offered()
    seeds = range(runs_n + heldout_n)
    jobs = [(e, paths[s % len(paths)], s) for e in chosen for s in seeds]
    print(
        f"{kernels.cpu_model()}: {len(chosen)} experiments x {len(seeds)} seeds ({runs_n} for the "
        f"band files, {heldout_n} held out{', a trial: nothing is written' if trial else ''}), "
        f"seed s on kernel path s mod {len(paths)} of "
        f"{', '.join(paths)}: {len(jobs)} runs, 2 at a time",
        flush=True,
    )
    runs: dict[tuple[str, int], dict] = {}
    start, done = time.perf_counter(), 0

    def one(job) -> None:
        nonlocal done
        experiment, path, seed = job
        began = time.perf_counter()
        try:
            runs[experiment.name, seed] = _train(job)
            failed = runs[experiment.name, seed]["failed"]
            status = f"{time.perf_counter() - began:.0f} s" + "".join(f"; {f}" for f in failed)
        except notebooks.NotebookError as err:
            runs[experiment.name, seed] = {"error": str(err)}
            status = "FAILED, no results (below)"
        done += 1
        say(f"[{done}/{len(jobs)}] {experiment.name} {path} seed {seed}: {status}")

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, jobs))
    stated = figures.stated_at(notebooks.ROOT)
    status, outside_all, claims_all = 0, 0, 0
    for experiment in chosen:
        mine = {seed: runs[experiment.name, seed] for seed in seeds}
        labels = {seed: f"{paths[seed % len(paths)]} seed {seed}" for seed in seeds}
        errors = [run["error"] for run in mine.values() if "error" in run]
        problem = errors[0] if errors else _setup_differs(mine, labels)
        if problem:
            print(f"\n{experiment.name}: no band file written\n{problem}", file=sys.stderr)
            status = 1
            continue
        band = {labels[s]: mine[s] for s in seeds[:runs_n]}
        held = {labels[s]: mine[s] for s in seeds[runs_n:]}
        text = bands.render(experiment, _code(experiment), band, held)
        path = bands.path_of(experiment.name)
        before = path.read_text(encoding="utf-8") if path.is_file() else None
        if trial:
            state = "a trial: not written"
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            bands.read.cache_clear()
            state = "new" if before is None else "unchanged" if before == text else "rewritten"
        data = json.loads(text)
        print(f"\n{path.relative_to(notebooks.ROOT)} ({state})")
        print(table(experiment, data, stated))
        outside = bands.heldout_outside(data)
        try:
            unsafe = bands.claim_problems(experiment, data)
        except notebooks.NotebookError as err:
            unsafe = [str(err)]
        for what, found in (
            ("held-out figures outside their tolerance", outside),
            ("claims not safe to assert", unsafe),
        ):
            if found:
                print(f"{len(found)} {what}:\n  " + "\n  ".join(found))
        outside_all += len(outside)
        claims_all += len(unsafe)
    print(
        f"\n{len(jobs)} runs in {time.perf_counter() - start:.0f} s. Held out: {outside_all} "
        f"figure(s) outside their tolerance (goal: at most {GOAL} over all experiments); "
        f"{claims_all} claim(s) not safe to assert (goal: none); figures and claims checked "
        f"on the site: {checked()} (at most {bands.MAX_CHECKED}). "
        + (
            "A trial: no band file was written."
            if trial
            else f"Review `git diff {bands.FOLDER}`, then write the pages' medians and ranges: "
            "`nox -s tests -- docs/<module>/experiment.md` names each."
        )
    )
    return 1 if status or claims_all or outside_all > GOAL else 0


def checked() -> int:
    """Compared figures and claims over every experiment whose band file is current."""
    total = 0
    for experiment in notebooks.experiments():
        if not bands.stale(experiment):
            data = bands.read(experiment.name)
            try:
                total += len(bands.compared(data)) + len(notebooks.claims(experiment))
            except notebooks.NotebookError:
                total += len(bands.compared(data))  # test_experiments.py reports the claims
    return total


def _code(experiment: notebooks.Experiment) -> str:
    return notebooks.code_key(notebooks.source_notebook(experiment), experiment)


def _setup_differs(runs: dict[int, dict], labels: dict[int, str]) -> str | None:
    first = next(iter(runs))
    for seed, run in runs.items():
        if run["setup"] != runs[first]["setup"]:
            keys = sorted(k for k in run["setup"] if run["setup"][k] != runs[first]["setup"].get(k))
            return (
                f"setup {', '.join(keys) or '(its keys)'} differs between {labels[first]} and "
                f"{labels[seed]}: `setup` holds what the seed cannot change; move a measured "
                "value to `results`"
            )
    return None


def table(experiment: notebooks.Experiment, data: dict, stated: dict[str, str]) -> str:
    """The band file as a reviewer reads it: each figure, its median and range, how CI's run
    is checked, and where a page states it."""
    rows = [("figure", "median", "range", "CI's run", "stated at")]
    for key, row in {**data["figures"], **data["timings"]}.items():
        ref = f"{experiment.name}:{key}"
        if "count" in row:
            middle, spread_, check = f"{row['count']} of {row['of']}", "", "not compared (count)"
        else:
            middle, spread_ = f"{row['median']:g}", f"{row['min']:g}\u2013{row['max']:g}"
            check = f"± {row['tolerance']:.3g}" if row["check"] == "tolerance" else "not compared"
        rows.append((ref, middle, spread_, check, stated.get(ref, "(not stated)")))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(r[:4], widths, strict=True)) + "  " + r[4]
        for r in rows
    ]
    runs = bands.stored_runs(data) + bands.stored_runs(data, "heldout")
    try:
        found_claims = notebooks.claims(experiment)
    except notebooks.NotebookError:
        found_claims = []  # spread() reports it
    for claim in found_claims:
        found = bands.margins(claim, runs)
        spread_ = statistics.stdev(found) if len(set(found)) > 1 else 0.0
        z = f"{statistics.fmean(found) / spread_:.1f} sd" if spread_ else "every run alike"
        lines.append(f"claim: {claim.says!r}: least margin {min(found):.4g}, mean {z}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] != ["spread"]:
        return run_all()
    names = argv[1:]
    if "--trial" in names:
        at = names.index("--trial")
        names, counts = names[:at] + names[at + 3 :], [int(n) for n in names[at + 1 : at + 3]]
        return spread(names, *counts)
    return spread(names)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
