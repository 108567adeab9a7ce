"""Band files: what an experiment measured over many runs, and whether one more run agrees.

A training run is one random draw: another seed, kernel path or CPU gives another figure. So
`nox -s spread` (engine/experiments.py) trains each experiment at 30 seeds, each on one of the
kernel paths this machine offers, then at 5 held-out seeds, and writes every run's figures to
a reviewed file, `tests/bands/<experiment>.json`, with what follows from them:

- the **median** and the **range** (lowest and highest run) that pages quote, and for a
  yes-or-no result the **count** of runs where it held, over all 35 runs (`quoted_runs`);
- from the 30 alone, the **tolerance** within which one more run must fall (CI's run, or a
  reader's at another seed): `K` standard deviations of the runs either side of their mean.
  The model (DESIGN.md): each figure's runs have one mode and tails no heavier than an
  exponential's; then one more run falls outside with a chance under 1e-4, with the mean and
  deviation estimated from 30;
- which figures are not compared: those whose runs show two modes or pile up at a bound
  (a standard deviation over `BELL` times the median absolute deviation's estimate); the
  experiment's claims check them.

Claims (`assert`s, notebooks.claims) are checked against every stored run: each must hold in
all of them, by a margin of at least `K` standard deviations of that margin, so that it holds
in CI's run too. They read only the results, so a claim can change without training again.

The file also records the experiment's code key (notebooks.code_key), so a band measured on
other code is never trusted, and its setup values, which do not depend on the seed. The held
out runs are stored too, never used for a tolerance, and checked as CI's run is. Nothing here
imports torch or trains.
"""

from __future__ import annotations

import json
import statistics
from functools import cache
from pathlib import Path

from . import kernels, notebooks

FOLDER = Path("tests") / "bands"
K = 12  # a tolerance, and a claim's least margin, in standard deviations of the runs
MAX_CHECKED = 150  # compared figures and claims over all experiments: 150 x 1e-4 < 1 in 100
# A figure is compared only if its standard deviation is at most this many times the spread
# its median absolute deviation implies: for one bell curve the two agree (about 1).
BELL = 2.0
ABOUT = {"runs": "how many runs a median, range or count is over"}  # keys a page may cite
THIS_RUN = "hs-this-run"  # the id of the cell that compares a notebook's run with its band


def quoted_runs(data: dict) -> int:
    """How many runs the pages' medians, ranges and counts are over: the runs that calibrate the
    tolerances and the held-out runs that test them, all of them real runs of the code."""
    return len(data["runs"]) + len(data["heldout"])


class BandError(Exception):
    """A band file that is missing, stale or unreadable. Says what to run."""


def path_of(name: str, root: Path = notebooks.ROOT) -> Path:
    return root / FOLDER / f"{name}.json"


@cache
def read(name: str, root: Path = notebooks.ROOT) -> dict:
    """The band file of experiment `name`, as written. Raises BandError."""
    path = path_of(name, root)
    if not path.is_file():
        known = sorted(p.stem for p in path.parent.glob("*.json"))
        raise BandError(
            f"{path.relative_to(root)}: no band file for an experiment named {name!r} (band "
            f"files: {', '.join(known) or 'none'}); for a new experiment run "
            f"`nox -s spread -- {name}`"
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data.get("heldout"), list) or "setup" not in data:
        raise BandError(
            f"{path.relative_to(root)} was written by an earlier version of the engine: run "
            f"`nox -s spread -- {name}`"
        )
    return data


def stale(experiment: notebooks.Experiment) -> str | None:
    """Why the band file cannot be trusted for the experiment's current code, or None."""
    try:
        data = read(experiment.name, experiment.root)
    except BandError as err:
        return str(err)
    if data.get("code") != notebooks.code_key(notebooks.source_notebook(experiment), experiment):
        return (
            f"{FOLDER / experiment.name}.json was measured on other code, data or library "
            f"versions than {experiment.rel_source} has now: run "
            f"`nox -s spread -- {experiment.name}` and review `git diff {FOLDER}`"
        )
    return None


def summarise(values: list, wall_clock: bool = False, held: list = ()) -> dict:
    """A figure's row in the band file: what pages quote (median and range, or a count, over
    every stored run: `values` and the `held`-out ones), and how one more run is checked (the
    tolerance, calibrated on `values` alone; the held-out runs test it)."""
    quoted = [*values, *held]
    if all(isinstance(v, bool) for v in quoted):
        return {"count": sum(quoted), "of": len(quoted)}
    if any(isinstance(v, bool) for v in quoted):
        raise ValueError(f"a figure is a number in some runs and True/False in others: {quoted}")
    row = {"median": _tidy(statistics.median(quoted)), "min": min(quoted), "max": max(quoted)}
    median = statistics.median(values)
    sd = statistics.stdev(values)
    mad = 1.4826 * statistics.median(abs(v - median) for v in values)
    if wall_clock:
        row["check"] = "not compared: wall-clock time differs from machine to machine"
    elif sd == 0:
        row["check"] = "not compared: every run gave the same value, so no spread to calibrate"
    elif mad == 0 or sd > BELL * mad:
        row["check"] = (
            f"not compared: not one bell curve (sd {sd:.3g} against {mad:.3g} from the median "
            "absolute deviation): two modes, or runs piled up at a bound; claims check it"
        )
    else:
        mean = statistics.fmean(values)
        row |= {"mean": _tidy(mean), "tolerance": _tidy(K * sd), "check": "tolerance"}
    return row


def _tidy(x: float) -> float:
    return float(f"{x:.7g}")  # no float noise such as 23.049999… in a reviewed file


def compared(data: dict) -> list[str]:
    return [k for k, row in data["figures"].items() if row.get("check") == "tolerance"]


def outside(data: dict, run: dict) -> list[str]:
    """What in one run (its `setup` and `results`) disagrees with the band file: a setup value
    that differs, or a compared figure outside its tolerance. Empty if the run agrees."""
    problems = []
    for key, value in data["setup"].items():
        if run["setup"].get(key) != value:
            problems.append(f"setup {key} is {run['setup'].get(key)!r}, the band file's {value!r}")
    for key in compared(data):
        row = data["figures"][key]
        value = run["results"].get(key)
        if value is None:
            problems.append(f"{key}: no longer in `results`")
        elif abs(value - row["mean"]) > row["tolerance"]:
            problems.append(
                f"{key} = {value:g}, outside {row['mean']:g} ± {row['tolerance']:g} (runs "
                f"{row['min']:g}\u2013{row['max']:g}, median {row['median']:g})"
            )
    return problems


def stored_runs(data: dict, part: str = "runs") -> list[dict]:
    """The runs a band file stores ("runs", or the "heldout" ones), each as a run is measured:
    {"setup": …, "results": …, "timings": …}."""
    return [
        {
            "setup": data["setup"],
            "results": {k: row[part][i] for k, row in data["figures"].items()},
            "timings": {k: row[part][i] for k, row in data["timings"].items()},
        }
        for i in range(len(data[part]))
    ]


def heldout_outside(data: dict) -> list[str]:
    """Each held-out run's figures outside their tolerance, named with the run."""
    return [
        f"{label}: {problem}"
        for label, run in zip(data["heldout"], stored_runs(data, "heldout"), strict=True)
        for problem in outside(data, run)
    ]


def margins(claim: notebooks.Claim, runs: list[dict]) -> list[float]:
    """By how much the claim held in each run (negative: it failed); for `==`, 0 if it held."""
    left, right = (compile(side, claim.where, "eval") for side in (claim.left, claim.right))
    found = []
    for run in runs:
        space = {"__builtins__": {}, "abs": abs, "min": min, "max": max, "round": round}
        space |= {"len": len, "sum": sum, **run}
        a, b = eval(left, space), eval(right, space)  # reads only the run's dicts (claims())
        if claim.op == "==":
            found.append(0.0 if a == b else float("-inf"))
        else:
            found.append(float(a - b if claim.op in (">", ">=") else b - a))
    return found


def claim_problem(claim: notebooks.Claim, data: dict) -> str | None:
    """Why the claim is not safe to assert: it failed in a stored run, or held by less than
    K standard deviations of its margin, so that one more run may break it. None if safe."""
    labels = data["runs"] + data["heldout"]
    found = margins(claim, stored_runs(data) + stored_runs(data, "heldout"))
    strict = claim.op in (">", "<")
    failed = [
        label
        for label, m in zip(labels, found, strict=True)
        if m < 0 or (strict and m == 0) or m == float("-inf")
    ]
    says = f'{claim.where}: "{claim.says}"'
    if failed:
        return f"{says} failed in {len(failed)} of {len(labels)} stored runs ({failed[0]}, …)"
    if claim.op == "==" or len(set(found)) == 1:
        return None
    mean, sd = statistics.fmean(found), statistics.stdev(found)
    if mean >= K * sd:
        return None
    return (
        f"{says} held in every run, but by {mean / sd:.1f} standard deviations of its margin "
        f"(mean {mean:.4g}, sd {sd:.3g}), under {K}: one more run may break it. Claim less "
        "(a threshold further from the runs), make the experiment sturdier, or state how "
        "often it holds as a count (a True/False result)"
    )


def claim_problems(experiment: notebooks.Experiment, data: dict) -> list[str]:
    """Why each of the experiment's claims is not safe to assert, against the stored runs."""
    return [p for claim in notebooks.claims(experiment) if (p := claim_problem(claim, data))]


def this_run_cell(experiment: notebooks.Experiment, notebook) -> str:
    """The Markdown that ends an executed notebook: where its own run falls among the runs the
    pages quote, figure by figure, so that the notebook and its page never contradict."""
    meta = notebook.metadata[notebooks.META]
    try:
        data = read(experiment.name, experiment.root)
    except BandError:
        return "## This run\n\nThis experiment has no band file yet: `nox -s spread` writes it.\n"
    seed = meta.get("seed")
    lines = [
        "## This run and the site's runs",
        "",
        f"The figures on the site are the median and the range of {quoted_runs(data)} runs at "
        f"seeds 0 to {quoted_runs(data) - 1} (`{FOLDER / experiment.name}.json`). This "
        f"notebook is one more run: `SEED = {seed}`, on {meta.get('machine', 'this machine')}. "
        "Change `SEED` and run it again: your figures will move, mostly within those ranges "
        "(a run can land outside one; the check allows for that, and names a figure only when "
        "it lies further out than these runs make likely).",
        "",
        "| figure | this run | median | range over the runs |",
        "| --- | --- | --- | --- |",
    ]
    if stale(experiment):
        lines[2] += " (The runs were measured on an earlier version of this code.)"
    found = meta["results"] | meta.get("timings", {})
    for key, row in {**data["figures"], **data["timings"]}.items():
        if key not in found:
            continue
        if "count" in row:
            lines.append(
                f"| {key} | {'yes' if found[key] else 'no'} | | true in {row['count']} of "
                f"{row['of']} |"
            )
            continue
        mark = ""
        if row.get("check") == "tolerance" and abs(found[key] - row["mean"]) > row["tolerance"]:
            mark = " (outside the tolerance)"
        lines.append(
            f"| {key} | {found[key]:g}{mark} | {row['median']:g} | "
            f"{row['min']:g}\u2013{row['max']:g} |"
        )
    same = [
        label
        for label, run in zip(data["runs"], stored_runs(data), strict=True)
        if label.endswith(f" seed {seed}") and run["results"] == meta["results"]
    ]
    if same:
        lines += ["", f"This run reproduces the stored run '{same[0]}' exactly."]
    return "\n".join(lines) + "\n"


def annotate(experiment: notebooks.Experiment):
    """The executed notebook, ending with its comparison with the band file (written to docs/
    when it changed): called once the run is made, and again whenever the band file changes."""
    import nbformat

    notebook = notebooks.executed(experiment)
    cell = nbformat.v4.new_markdown_cell(this_run_cell(experiment, notebook), id=THIS_RUN)
    cells = [c for c in notebook.cells if c.get("id") != THIS_RUN]
    if notebook.cells[-1:] != [cell]:
        notebook.cells = [*cells, cell]
        notebooks.write(notebook, experiment.executed_path)
    return notebook


def render(experiment: notebooks.Experiment, code: str, runs: dict, heldout: dict) -> str:
    """The band file's text, one figure a line so that `git diff` shows what moved. `runs` and
    `heldout` map a label ('avx2 seed 3') to a run's {"setup", "results", "timings"}."""
    first = next(iter(runs.values()))
    head = {
        "source": experiment.rel_source,
        "code": code,
        "machine": kernels.cpu_model(),
        "setup": first["setup"],
        "runs": list(runs),
        "heldout": list(heldout),
    }
    lines = ["{"] + [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    for part, measured, wall_clock in (("figures", "results", False), ("timings", "timings", True)):
        rows = []
        for key in sorted(first[measured]):
            values = [run[measured][key] for run in runs.values()]
            held = [run[measured][key] for run in heldout.values()]
            row = summarise(values, wall_clock, held) | {"runs": values, "heldout": held}
            rows.append(f"    {json.dumps(key)}: {json.dumps(row)}")
        lines += [f'  "{part}": {{', *[row + "," for row in rows[:-1]], *rows[-1:], "  },"]
    lines[-1] = "  }"
    return "\n".join([*lines, "}", ""])
