"""Experiment notebook pages in the browser: plots shown, the executed .ipynb downloadable,
the edit link on the source, and no serious axe finding at desktop or phone width.
(Their weight is measured with every other page's in test_pages.py.)"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from browsing import SIZES, axe_problems, open_context

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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_notebook_pages_pass_axe_and_are_screenshot(browser, site_url, artifacts, scheme):
    """No serious or critical axe-core violation; screenshots saved for review."""
    problems = []
    for tag, (width, height) in SIZES.items():
        context, watch = open_context(browser, color_scheme=scheme, width=width, height=height)
        page = context.new_page()
        for experiment in EXPERIMENTS:
            page.goto(site_url + url_of(experiment))
            page.wait_for_load_state("networkidle")
            where = f"{url_of(experiment)} ({scheme}, {tag})"
            problems += [f"{where}: {problem}" for problem in axe_problems(page)]
            page.locator(".jp-RenderedImage img").first.scroll_into_view_if_needed()
            page.screenshot(path=artifacts / f"notebook-{experiment.name}-{scheme}-{tag}.png")
        context.close()
        assert not watch.console_errors, watch.console_errors
        assert not watch.external_requests, watch.external_requests
    assert not problems, "\n".join(problems)
