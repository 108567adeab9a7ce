"""The experiment notebooks: each runs, shows its plots, states only figures its band file
holds, and this machine's run agrees with that band file (engine/bands.py).

Each notebook runs at most once per source version (engine/notebooks.py keeps the executed
notebook in docs/ for the site); these tests reuse that run.
"""

from __future__ import annotations

import math
import random
import re
import statistics

import pytest

from engine import bands, experiments, figures, notebooks, prose
from engine.plugin import ROOT

EXPERIMENTS = notebooks.experiments()
# Inches. A plot this wide (528 CSS px) is shown at 62% of its size in a 360 px phone's 328 px
# of text, where its 11 pt labels are still about 9 px high.
PLOT_WIDTH = 5.5


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
    rel = experiment.rel_source
    assert "epoch" in printed, f"{rel}: print the training progress per epoch"
    problems = plot_problems(outputs, rel)
    assert not problems, "\n".join(problems)
    assert notebooks.results(experiment), f"{rel}: `results` is empty"


def plot_problems(outputs: list[dict], rel: str) -> list[str]:
    """What keeps a notebook's plots from reading well on a phone: none drawn, one drawn as
    PNG (blurred when zoomed, heavier), or one wider than PLOT_WIDTH."""
    data = [o.get("data", {}) for o in outputs]
    plots = [d["image/svg+xml"] for d in data if "image/svg+xml" in d]
    problems = [] if plots else [f"{rel}: the page should show its plots; no SVG plot was drawn"]
    if any("image/png" in d for d in data):
        problems.append(
            f'{rel}: a plot was drawn as PNG; call `set_matplotlib_formats("svg", metadata='
            '{"Date": None})` after the imports, as the other experiments do (sharp when a reader '
            "zooms, and lighter)"
        )
    for number, plot in enumerate(plots, 1):
        width = float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', plot)[1]) / 72
        if width > PLOT_WIDTH:
            problems.append(
                f"{rel}: plot {number} is {width:.1f} in wide; stack its panels "
                f"(plt.subplots(2, 1)) and keep it at most {PLOT_WIDTH} in wide "
                "(figsize=(5, …)), so that its labels stay legible on a phone"
            )
    return problems


def test_plot_problems_name_a_png_and_a_wide_plot():
    """The plot rule bites, without training a notebook that breaks it."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="{}pt" height="300pt"></svg>'
    narrow, wide = {"image/svg+xml": svg.format(360)}, {"image/svg+xml": svg.format(720)}
    rel = "snippets/m/experiment/e.py"
    assert plot_problems([{"data": narrow}], rel) == []
    assert plot_problems([{"data": {"image/png": "iVBOR"}}], rel) == [
        f"{rel}: the page should show its plots; no SVG plot was drawn",
        f'{rel}: a plot was drawn as PNG; call `set_matplotlib_formats("svg", metadata='
        '{"Date": None})` after the imports, as the other experiments do (sharp when a reader '
        "zooms, and lighter)",
    ]
    [message] = plot_problems([{"data": narrow}, {"data": wide}], rel)
    assert message.startswith(f"{rel}: plot 2 is 10.0 in wide; stack its panels"), message


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
def test_claims_are_comparisons_of_what_was_measured(experiment):
    """Each `assert` compares values of `setup`, `results` or `timings` (notebooks.claims), so
    that its margin can be measured over the stored runs."""
    try:
        notebooks.claims(experiment)
    except notebooks.NotebookError as err:
        pytest.fail(str(err), pytrace=False)


@pytest.mark.parametrize("experiment", EXPERIMENTS, ids=[e.name for e in EXPERIMENTS])
def test_this_run_agrees_with_the_band_file(experiment):
    """The band file is current; every claim held in every stored run, by a safe margin; this
    machine's run (any seed, any CPU) has the band's setup and every compared figure within
    its tolerance."""
    stale = bands.stale(experiment)
    if stale:
        pytest.fail(stale, pytrace=False)
    data = bands.read(experiment.name)
    rel = f"{bands.FOLDER / experiment.name}.json"
    unsafe = bands.claim_problems(experiment, data)
    if unsafe:
        pytest.fail("\n".join(unsafe), pytrace=False)
    executed_or_fail(experiment)
    run = notebooks.measured(experiment)
    missing = sorted(set(run["results"]) - set(data["figures"]))
    assert not missing, f"{rel} has no runs of {', '.join(missing)}: run `nox -s spread`"
    problems = bands.outside(data, run)
    where = notebooks.executed(experiment).metadata[notebooks.META]["machine"]
    if problems:  # the located message alone, at the start of a line, as every check says it
        pytest.fail(
            f"{experiment.rel_source}: this run ({where}) disagrees with {rel}:\n  "
            + "\n  ".join(problems),
            pytrace=False,
        )


def test_the_held_out_runs_meet_the_goal():
    """Over all experiments: at most GOAL held-out figures outside their tolerance, and at most
    MAX_CHECKED compared figures and claims, which is what the tolerances were chosen for."""
    outside = []
    for experiment in EXPERIMENTS:
        if bands.stale(experiment):
            continue  # test_this_run_agrees_with_the_band_file reports it, once
        rel = f"{bands.FOLDER / experiment.name}.json"
        outside += [f"{rel}: {o}" for o in bands.heldout_outside(bands.read(experiment.name))]
    if len(outside) > experiments.GOAL:
        pytest.fail(
            f"{len(outside)} held-out figures fell outside their tolerance (at most "
            f"{experiments.GOAL}): make those experiments sturdier:\n  " + "\n  ".join(outside),
            pytrace=False,
        )
    assert experiments.checked() <= bands.MAX_CHECKED, (
        f"{experiments.checked()} compared figures and claims: the tolerances are chosen for "
        f"at most {bands.MAX_CHECKED} (engine/bands.py, DESIGN.md)"
    )


def test_the_tolerance_holds_one_more_run_of_an_exponential_tail():
    """The heaviest tail of the model (DESIGN.md): runs drawn from an exponential distribution.
    Over many sets of 30 runs, the exact chance that one more draw falls outside the tolerance
    built from them stays under 1e-4 (it is about 5.6e-5)."""
    rng = random.Random(0)
    total = 0.0
    for _ in range(3000):
        runs = [rng.expovariate(1.0) for _ in range(30)]
        row = bands.summarise(runs)
        if row["check"] != "tolerance":
            continue  # the exponential's runs sometimes look piled up at 0: not compared
        low, high = row["mean"] - row["tolerance"], row["mean"] + row["tolerance"]
        total += math.exp(-high) + (1 - math.exp(-low) if low > 0 else 0.0)
    assert total / 3000 < 1e-4


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
    assert bands.summarise([True] * 27 + [False] * 3) == {"count": 27, "of": 30}
    assert statistics.median(normal) == pytest.approx(bands.summarise(normal)["median"])


def test_a_claim_needs_a_margin_of_k_deviations(tmp_path):
    """A claim that held in every run, but narrowly, is refused; widened, it is safe."""
    runs = [50.0 + (i % 5) for i in range(30)]  # margin over 40: mean 12, sd 1.4
    data = {
        "setup": {},
        "runs": [f"seed {i}" for i in range(30)],
        "heldout": [],
        "figures": {"acc": {"runs": runs, "heldout": []}},
        "timings": {},
    }
    narrow = notebooks.Claim("x.py:1", "accurate", 'results["acc"]', ">", "40")
    wide = notebooks.Claim("x.py:2", "better than a guess", 'results["acc"]', ">", "10")
    assert "held in every run, but by" in bands.claim_problem(narrow, data)
    assert bands.claim_problem(wide, data) is None
    failed = notebooks.Claim("x.py:3", "perfect", 'results["acc"]', ">", "53")
    assert "failed in 24 of 30 stored runs" in bands.claim_problem(failed, data)


def test_claims_and_the_seed_are_left_out_of_the_code_key():
    """A claim added, removed or reworded (alone in a cell, or in a loop), and another SEED
    value keep the key: the stored runs re-check the claims. A change to what runs does not."""
    key = notebooks._what_runs
    base = "SEED = 0\nx = 1\nresults = {'a': x}\n"
    for same in [
        base + "assert results['a'] > 0, 'positive'\n",
        base + "assert results['a'] > -5, 'reworded'\nassert results['a'] < 9, 'another'\n",
        base + "for k in results:\n    assert results[k] > 0, 'each'\n",
        base.replace("SEED = 0", "SEED = 7"),
    ]:
        assert key(same) == key(base), same
    assert key("assert results['a'] > 0, 'a cell of claims alone'\n") == ""
    assert key(base.replace("x = 1", "x = 2")) != key(base)


def test_a_failed_run_is_not_run_again_in_the_same_process(monkeypatch, tmp_path):
    """Two tests read each experiment: a run that failed raises its error to both, and trains
    once (a failing experiment of half a minute would otherwise cost a minute)."""
    experiment = notebooks.Experiment("broken", "m/experiment/broken.ipynb", tmp_path)
    calls = []

    def failing_run(which):
        calls.append(which)
        raise notebooks.NotebookError("snippets/m/experiment/broken.py:3: cell 2 raised")

    monkeypatch.setattr(notebooks, "run", failing_run)
    monkeypatch.setattr(notebooks, "_executed", {})
    monkeypatch.delenv(notebooks.STORE, raising=False)
    for _ in range(2):
        with pytest.raises(notebooks.NotebookError, match=r"broken\.py:3: cell 2 raised"):
            notebooks.executed(experiment)
    assert calls == [experiment]


def test_a_store_keeps_each_run_and_each_raised_cell_by_fingerprint(monkeypatch, tmp_path):
    """With a store (the guard's edited copies, STORE), an edit trains once: a later process
    with the same code finds its run, or the cell that raised, instead of training again."""
    source = tmp_path / "project/snippets/m/experiment/tiny.py"
    source.parent.mkdir(parents=True)
    experiment = notebooks.Experiment("tiny", "m/experiment/tiny.ipynb", tmp_path / "project")
    calls = []

    def fake_run(which, path):
        calls.append(which.source.read_text())
        if "raise" in calls[-1]:
            raise notebooks.CellRaised("snippets/m/experiment/tiny.py:2: cell 1 raised")
        notebook = notebooks.source_notebook(which)
        notebook.metadata[notebooks.META] = {"fingerprint": notebooks.fingerprint(notebook, which)}
        notebooks.write(notebook, path)

    monkeypatch.setattr(notebooks, "run", fake_run)
    monkeypatch.setenv(notebooks.STORE, str(tmp_path / "store"))
    codes = ["SEED = 0\nresults = {}\n", "SEED = 0\nraise ValueError\n"]
    codes.append("SEED = 0\nraise ValueError  # a comment, as a claim edited: same code key\n")
    for code in codes:
        source.write_text(code)
        for _ in range(2):  # two processes: the second finds the store's copy
            monkeypatch.setattr(notebooks, "_executed", {})
            experiment.executed_path.unlink(missing_ok=True)
            if "raise" in code:
                with pytest.raises(notebooks.CellRaised, match=r"tiny\.py:2: cell 1 raised"):
                    notebooks.executed(experiment)
            else:
                assert notebooks.executed(experiment).cells[0].source == code.strip()
    assert [call.split("\n")[1] for call in calls] == [c.split("\n")[1] for c in codes]
    kept = sorted(p.suffix for p in (tmp_path / "store").iterdir())
    assert kept == [".ipynb", ".raised", ".raised"]


def test_a_store_keeps_the_codes_errors_not_the_machines():
    """A claim that failed or a bug raises again on the same code; a machine short of memory or
    disk may not, so such a run is not kept (it trains again next time)."""
    assert notebooks.kept_as_outcome("AssertionError", "the attentional model should win")
    assert notebooks.kept_as_outcome("TypeError", "'NoneType' object is not subscriptable")
    assert not notebooks.kept_as_outcome("MemoryError", "")
    assert not notebooks.kept_as_outcome("RuntimeError", "DefaultCPUAllocator: not enough memory")
    assert not notebooks.kept_as_outcome("OSError", "[Errno 28] No space left on device")
