"""Experiment notebook pages in the browser: plots shown, the executed .ipynb downloadable,
the edit link on the source. (Their weight, axe-core in both palettes, the phone width and the
screenshots are checked with every other page's by test_pages.py::test_page.)"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

from engine import notebooks

EXPERIMENTS = notebooks.experiments()


def url_of(experiment: notebooks.Experiment) -> str:
    return experiment.page.removesuffix(".ipynb") + "/"


@pytest.mark.parametrize("experiment", EXPERIMENTS, ids=[e.name for e in EXPERIMENTS])
def test_notebook_page_shows_its_run_and_offers_it(context, site_url, experiment):
    page = context.new_page()
    address = site_url + url_of(experiment)
    response = page.goto(address)
    assert response is not None and response.status == 200

    plots = page.locator(".jp-RenderedImage img")
    assert plots.count() >= 1, "the page shows no plot"
    assert plots.first.evaluate("img => img.naturalWidth") > 0, "the plot does not load"
    printed = "".join(page.locator(".jp-OutputArea-output pre").all_inner_texts())
    assert "epoch" in printed, "the page shows no training progress"

    download = page.locator('a[download][href$=".ipynb"]')
    assert download.count() == 1, "no download button for the notebook"
    served = page.request.get(urljoin(address, download.get_attribute("href")))
    assert served.status == 200
    notebook = served.json()
    assert notebook["metadata"][notebooks.META]["results"] == notebooks.results(experiment)
    assert any(
        "image/png" in output.get("data", {})
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
    ), "the downloaded notebook lacks its plots"

    edit = page.locator('a[rel="edit"]').get_attribute("href")
    assert edit.endswith(experiment.rel_source), f"edit link {edit} is not the notebook's source"
