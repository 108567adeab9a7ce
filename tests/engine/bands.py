"""Band files: what an experiment measured over many runs, and whether one more run agrees.

A training run is one random draw: another seed, kernel path or CPU gives another figure. So
`nox -s spread` (engine/experiments.py) trains each experiment at many seeds, each on one of
the kernel paths this machine offers, and writes every figure's runs to a reviewed file,
`tests/bands/<experiment>.json`, with what follows from them:

- the **median** and the **range** (lowest and highest run) that pages quote, and for a
  yes-or-no result the **count** of runs where it held;
- the **tolerance** within which one more run must fall (CI's run, or a reader's with another
  seed): a prediction interval under a normal model, wide enough that a run on a CPU nobody
  measured falls outside it once in 10,000 times a figure (`ALPHA`), so that at most
  `MAX_COMPARED` compared figures fail a CI run at most once in a hundred (DESIGN.md);
- which figures are not compared: where the runs do not look like one bell curve (two modes, a
  heavy tail, a ceiling), the normal model would understate how far the next run can fall, so
  the experiment's claims (its `assert`s, which every run must pass) check it instead.

The file also records the experiment's code key (notebooks.code_key, which ignores the `SEED`
line), so a band measured on other code is never trusted, and its setup values, which do not
depend on the seed. Nothing here imports torch or trains.
"""

from __future__ import annotations

import json
import math
import statistics
from functools import cache
from pathlib import Path

from . import kernels, notebooks

FOLDER = Path("tests") / "bands"
ALPHA = 1e-4  # the chance that one compared figure of one more run falls outside its tolerance
MAX_COMPARED = 100  # compared figures over all experiments: 100 * ALPHA = one CI run in 100
# A figure is compared only if its standard deviation is at most this many times the spread
# its median absolute deviation implies: for normal runs the two agree (the ratio is about 1).
BELL = 2.0
ABOUT = {"runs": "how many runs a median, range or count is over"}  # keys a page may cite
THIS_RUN = "hs-this-run"  # the id of the cell that compares a notebook's run with its band


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
    return json.loads(path.read_text(encoding="utf-8"))


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


@cache
def t_quantile(p: float, df: int) -> float:
    """The p-quantile (p > 0.5) of Student's t with df degrees of freedom: the density is
    integrated with Simpson's rule from 0, and the point found by bisection."""
    scale = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)

    def cdf(t: float, steps: int = 2000) -> float:
        h = t / steps
        f = [scale * (1 + (h * i) ** 2 / df) ** (-(df + 1) / 2) for i in range(steps + 1)]
        return 0.5 + h / 3 * (f[0] + f[-1] + 4 * sum(f[1:-1:2]) + 2 * sum(f[2:-1:2]))

    low, high = 0.0, 200.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if cdf(middle) < p else (low, middle)
    return (low + high) / 2


def summarise(values: list, wall_clock: bool = False, alpha: float = ALPHA) -> dict:
    """A figure's row in the band file: what pages quote, and how one more run is checked."""
    if all(isinstance(v, bool) for v in values):
        return {"count": sum(values), "of": len(values), "runs": values}
    n = len(values)
    median = statistics.median(values)
    row = {"median": _tidy(median), "min": min(values), "max": max(values)}
    mean, sd = statistics.fmean(values), statistics.stdev(values)
    mad = 1.4826 * statistics.median(abs(v - median) for v in values)
    if wall_clock:
        row["check"] = "not compared: wall-clock time differs from machine to machine"
    elif sd == 0:
        row["check"] = "not compared: every run gave the same value, so no spread to calibrate"
    elif mad == 0 or sd > BELL * mad:
        row["check"] = (
            f"not compared: not one bell curve (sd {sd:.3g} against {mad:.3g} from the median "
            "absolute deviation): two modes, a heavy tail or a ceiling; the claims check it"
        )
    else:
        tolerance = t_quantile(1 - alpha / 2, n - 1) * sd * math.sqrt(1 + 1 / n)
        row |= {"mean": _tidy(mean), "tolerance": _tidy(tolerance), "check": "tolerance"}
    return row | {"runs": values}


def _tidy(x: float) -> float:
    return round(x, 6)  # no float noise such as 23.049999… in a reviewed file


def compared(data: dict) -> list[str]:
    return [k for k, row in data["figures"].items() if row.get("check") == "tolerance"]


def outside(data: dict, run: dict) -> list[str]:
    """What in one run (its `setup` and `results`) disagrees with the band file: a setup value
    that differs, or a compared figure outside its tolerance. Empty if the run agrees."""
    problems = []
    for key, value in data.get("setup", {}).items():
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


def this_run_cell(experiment: notebooks.Experiment, notebook) -> str:
    """The Markdown that ends an executed notebook: where its own run falls among the runs the
    pages quote, figure by figure, so that the notebook and its page never contradict."""
    meta = notebook.metadata[notebooks.META]
    try:
        data = read(experiment.name, experiment.root)
    except BandError:
        return "## This run\n\nThis experiment has no band file yet: `nox -s spread` writes it.\n"
    runs = len(data["runs"])
    seed = meta.get("seed")
    lines = [
        "## This run and the site's runs",
        "",
        f"The figures on the site are the median and the range of {runs} runs at other seeds "
        f"and CPU kernel paths (`{FOLDER / experiment.name}.json`). This notebook is one more "
        f"run: `SEED = {seed}`, on {meta.get('machine', 'this machine')}. Change `SEED` and run "
        "it again: your figures will move, within about the same ranges.",
        "",
        "| figure | this run | median | range over the runs |",
        "| --- | --- | --- | --- |",
    ]
    found = meta["results"] | meta.get("timings", {})
    for key, row in {**data["figures"], **data.get("timings", {})}.items():
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
        for label, values in zip(data["runs"], _run_values(data), strict=True)
        if label.endswith(f"seed {seed}") and values == {k: meta["results"].get(k) for k in values}
    ]
    if same:
        lines += ["", f"This run reproduces the recorded run '{same[0]}' exactly."]
    return "\n".join(lines) + "\n"


def _run_values(data: dict) -> list[dict]:
    """Each recorded run's results, as {key: value}."""
    keys = list(data["figures"])
    return [
        {key: data["figures"][key]["runs"][index] for key in keys}
        for index in range(len(data["runs"]))
    ]


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


def render(experiment: notebooks.Experiment, code: str, runs: dict, extra: dict) -> str:
    """The band file's text, one figure a line so that `git diff` shows what moved. `runs` maps
    a label ('avx2 seed 3') to a run's {"setup", "results", "timings"}."""
    labels = list(runs)
    first = runs[labels[0]]
    head = {
        "source": experiment.rel_source,
        "code": code,
        "machine": kernels.cpu_model(),
        "runs": labels,
        "setup": first["setup"],
        **extra,
    }
    lines = ["{"] + [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    for part, measured, wall_clock in (("figures", "results", False), ("timings", "timings", True)):
        rows = [
            f"    {json.dumps(key)}: "
            + json.dumps(summarise([runs[label][measured][key] for label in labels], wall_clock))
            for key in sorted(first[measured])
        ]
        lines += [f'  "{part}": {{', *[row + "," for row in rows[:-1]], *rows[-1:], "  },"]
    lines[-1] = "  }"
    return "\n".join([*lines, "}", ""])
