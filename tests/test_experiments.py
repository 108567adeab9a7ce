"""The experiment notebooks: each runs, shows its plots, states only figures its band file
holds, and this machine's run agrees with that band file (engine/bands.py).

Each notebook runs at most once per source version (engine/notebooks.py keeps the executed
notebook in docs/ for the site); these tests reuse that run.
"""

from __future__ import annotations

import random
import statistics

import pytest

from engine import bands, experiments, figures, notebooks, prose
from engine.plugin import ROOT

EXPERIMENTS = notebooks.experiments()


def executed_or_fail(experiment: notebooks.Experiment):
    try:
        return notebooks.executed(experiment)
    except notebooks.NotebookError as err:
        message = str(err)
    # Failing outside the except block: the report is the located error, said once.
    pytest.fail(message, pytrace=False)


@pytest.mark.parametrize("experiment", EXPERIMENTS, ids=[e.name for e in EXPERIMENTS])
def test_notebook_shows_progress_and_plots(experiment):
    notebook = executed_or_fail(experiment)
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    plots = [o for o in outputs if "image/png" in o.get("data", {})]
    assert "epoch" in printed, f"{experiment.rel_source}: print the training progress per epoch"
    assert plots, f"{experiment.rel_source}: the page should show its plots; none was drawn"
    assert notebooks.results(experiment), f"{experiment.rel_source}: `results` is empty"


@pytest.mark.parametrize("experiment", EXPERIMENTS, ids=[e.name for e in EXPERIMENTS])
def test_notebook_prose_states_measured_figures(experiment, request):
    """Every number in the notebook's Markdown is a figure checked against the band file, and
    listed in its number sheet; its code comments state no unchecked shape or size."""
    source = experiment.source.read_text(encoding="utf-8")
    rel = experiment.rel_source
    marks, problems = figures.scan(figures.notebook_prose(source), rel)
    problems += prose.notebook_problems(source, rel, figures.notebook_prose(source))
    problems += prose.comment_problems(experiment.source, rel)
    problems += [problem for mark in marks if (problem := figures.check(mark))]
    # With --update-outputs (nox -s update) the sheet is rewritten, but only from a passing run.
    update = request.config.option.update_outputs and not problems
    numbers = prose.stated(
        ("the notebook's prose", line) for _, line in figures.notebook_prose(source)
    )
    problems += figures.check_sheet(rel, marks, ROOT, update=update, numbers=numbers)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.parametrize("experiment", EXPERIMENTS, ids=[e.name for e in EXPERIMENTS])
def test_this_run_agrees_with_the_band_file(experiment):
    """The band file is current and its claims held at every run; this machine's run (any
    seed, any CPU) has the band's setup and every compared figure within its tolerance."""
    stale = bands.stale(experiment)
    if stale:
        pytest.fail(stale, pytrace=False)
    data = bands.read(experiment.name)
    rel = f"{bands.FOLDER / experiment.name}.json"
    failed = data["claims_failed"] + data["heldout"]["claims_failed"]
    assert not failed, (
        f"{rel}: claims of {experiment.rel_source} did not hold at every run; scope them, or "
        "make the experiment sturdier, then run `nox -s spread -- "
        f"{experiment.name}`:\n  " + "\n  ".join(failed)
    )
    executed_or_fail(experiment)
    run = notebooks.measured(experiment)
    missing = sorted(set(run["results"]) - set(data["figures"]))
    assert not missing, f"{rel} has no runs of {', '.join(missing)}: run `nox -s spread`"
    problems = bands.outside(data, run)
    where = notebooks.executed(experiment).metadata[notebooks.META]["machine"]
    assert not problems, (
        f"{experiment.rel_source}: this run ({where}) disagrees with {rel}:\n  "
        + "\n  ".join(problems)
    )


def test_the_held_out_runs_meet_the_goal():
    """Over all experiments: at most GOAL held-out figures outside their tolerance, and at most
    MAX_COMPARED compared figures, which is what the tolerances were calibrated for."""
    outside, compared = [], 0
    for experiment in EXPERIMENTS:
        try:
            data = bands.read(experiment.name)
        except bands.BandError:
            continue  # test_this_run_agrees_with_the_band_file reports it
        rel = f"{bands.FOLDER / experiment.name}.json"
        outside += [f"{rel}: {o}" for o in data["heldout"]["outside"]]
        compared += len(bands.compared(data))
    assert len(outside) <= experiments.GOAL, (
        f"{len(outside)} held-out figures fell outside their tolerance (at most "
        f"{experiments.GOAL}): make those experiments sturdier:\n  " + "\n  ".join(outside)
    )
    assert compared <= bands.MAX_COMPARED, (
        f"{compared} compared figures: the tolerances are calibrated for at most "
        f"{bands.MAX_COMPARED} (engine/bands.py, DESIGN.md)"
    )


@pytest.mark.parametrize(("p", "df", "table"), [(0.975, 10, 2.228), (0.995, 29, 2.756)])
def test_t_quantiles_match_the_printed_tables(p, df, table):
    assert bands.t_quantile(p, df) == pytest.approx(table, abs=1e-3)


def test_the_tolerance_leaves_out_alpha_of_new_normal_runs():
    """The prediction interval does what DESIGN.md says: with alpha = 5% (to see it in a few
    thousand trials), about 5% of new draws from the runs' normal distribution fall outside."""
    rng = random.Random(0)
    outside = trials = 0
    for _ in range(4000):
        row = bands.summarise([rng.gauss(50, 3) for _ in range(30)], alpha=0.05)
        if row["check"] == "tolerance":  # a normal sample rarely looks like anything else
            trials += 1
            outside += abs(rng.gauss(50, 3) - row["mean"]) > row["tolerance"]
    assert trials > 3900
    assert 0.04 < outside / trials < 0.06


def test_what_is_not_one_bell_curve_is_not_compared():
    """Two modes, a ceiling, no spread at all, a wall-clock time: claims check those."""
    rng = random.Random(1)
    normal = [rng.gauss(50, 3) for _ in range(30)]
    two_modes = [rng.gauss(20, 2) for _ in range(24)] + [rng.gauss(95, 2) for _ in range(6)]
    ceiling = [100.0] * 26 + [99.8, 99.6, 97.0, 99.9]
    assert bands.summarise(normal)["check"] == "tolerance"
    for runs in (two_modes, ceiling, [3.0] * 30):
        assert bands.summarise(runs)["check"].startswith("not compared")
    assert bands.summarise(normal, wall_clock=True)["check"].startswith("not compared")
    assert bands.summarise([True] * 27 + [False] * 3) == {
        "count": 27,
        "of": 30,
        "runs": [True] * 27 + [False] * 3,
    }
    assert statistics.median(normal) == pytest.approx(bands.summarise(normal)["median"])
