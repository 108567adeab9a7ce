"""The experiment notebooks: each runs, shows its plots, and states only figures it measured.

Each notebook runs at most once per source version (tests/engine/notebooks.py keeps the
executed notebook in docs/ for the site); these tests reuse that run.
"""

from __future__ import annotations

import json

import pytest

from engine import bands, figures, kernels, notebooks, prose
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
    """Every number in the notebook's Markdown is a checked figure, listed in its figure sheet;
    its code comments state no unchecked shape or size (engine/prose.py)."""
    source = experiment.source.read_text(encoding="utf-8")
    rel = experiment.rel_source
    marks, problems = figures.scan(figures.notebook_prose(source), rel)
    problems += prose.notebook_problems(source, rel, figures.notebook_prose(source))
    problems += prose.comment_problems(experiment.source, rel)
    executed_or_fail(experiment)
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
def test_band_file_is_current(experiment):
    """Every experiment has a reviewed band file (`nox -s spread`), measured on its current
    code, covering every result; on the reference path, its reference run is this run."""
    try:
        data = bands.load(experiment)
    except bands.BandError as err:
        pytest.fail(str(err), pytrace=False)
    executed_or_fail(experiment)
    results = notebooks.results(experiment)
    rel = bands.path_of(experiment, ROOT).relative_to(ROOT)
    failed = data.get("claims_failed", [])
    assert not failed, (
        f"{rel}: claims of {experiment.rel_source} did not hold at every seed and kernel path; "
        "reword or scope them, then run nox -s spread:\n  " + "\n  ".join(failed)
    )
    missing = sorted(set(results) - set(data["figures"]))
    assert not missing, f"{rel} has no band for {', '.join(missing)}: run nox -s spread"
    for key, row in data["figures"].items():
        assert row["min"] <= row["reference"] <= row["max"], (
            f"{rel}: {key}'s band misses its reference"
        )
    if kernels.is_reference():
        moved = {
            key: (row["reference"], results[key])
            for key, row in data["figures"].items()
            if key in results and float(results[key]) != row["reference"]
        }
        assert not moved, (
            f"{rel}: on the reference path this run must reproduce the band file's reference "
            f"run, but (band file, this run) differ for {moved}"
        )


def test_spread_keeps_other_machines_runs_while_the_code_is_unchanged(tmp_path, monkeypatch):
    """A spread on one machine replaces its own runs and keeps another machine's, which a
    change of code drops (engine/bands.py, merge)."""
    experiment = notebooks.Experiment("toy", "m/experiment/toy.ipynb", tmp_path)
    here, about = bands.this_machine()
    monkeypatch.setattr(kernels, "recorded", lambda: {"probe": about["probe"]})
    mine = {(path, seed): {"acc": 10.0 + seed} for path in ("avx2",) for seed in bands.SEEDS}
    other = {("elsewhere-1", "avx2", seed): {"acc": 20.0 + seed} for seed in bands.SEEDS}
    machines = {"elsewhere-1": {"cpu": "Other", "probe": "1" * 16, "paths": ["avx2"]}}
    text = bands.render(
        experiment,
        "code-a",
        machines,
        other,
        ("elsewhere-1", "avx2", 0),
        ["elsewhere-1 x"],
        ["elsewhere-1: measured with one claim stricter", f"{here}: an old note of its own"],
    )
    bands.path_of(experiment).parent.mkdir(parents=True)
    bands.path_of(experiment).write_text(text, encoding="utf-8")
    assert bands.stored_runs(json.loads(text)) == other

    merged, notes = bands.merge(experiment, "code-a", mine, [])
    data = json.loads(merged)
    assert not notes
    assert list(data["machines"]) == [here, "elsewhere-1"]
    assert data["reference"] == f"{here} avx2 seed 0"  # this machine is the reference
    assert data["figures"]["acc"]["min"] == 10.0 and data["figures"]["acc"]["max"] == 24.0
    assert data["claims_failed"] == ["elsewhere-1 x"]
    # A note on the other machine's runs stays with them; this machine's runs are new.
    assert data["notes"] == ["elsewhere-1: measured with one claim stricter"]

    changed, notes = bands.merge(experiment, "code-b", mine, [])
    assert list(json.loads(changed)["machines"]) == [here]
    assert "notes" not in json.loads(changed)
    assert notes == ["dropped the runs of elsewhere-1: measured on other code"]
