"""Fixtures for tests of the built site: the site, a local server, and a headless Chromium.

`nox -s docs` builds the site once and passes `--site-dir site`; a plain `pytest` run builds it
into a temporary folder instead. Pages are served on 127.0.0.1 under the path of `site_url`, as
they will be on the host, and every browser page refuses any request that leaves localhost.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import (
    CHECK_TIMES,
    CHROMIUM_ARGS,
    TEST_BROWSER,
    configured_site_url,
    open_context,
    serve,
    served_path,
)

from engine import bands, notebooks
from engine.plugin import ROOT

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def site_dir(request, tmp_path_factory) -> Path:
    given = request.config.getoption("--site-dir")
    if given:
        path = Path(given).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"--site-dir {given}: no built site there (run mkdocs build)", False)
        return path
    path = tmp_path_factory.mktemp("site")
    for experiment in notebooks.experiments():  # notebook pages must have run (or be cached)
        bands.annotate(experiment)
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if build.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stderr[-4000:]}", False)
    return path


@pytest.fixture(scope="session")
def base_path() -> str:
    """The path part of site_url, e.g. "/hidden-state/", under which the site is served."""
    return served_path(configured_site_url())


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/<base path>/ serving the built site."""
    with serve(site_dir, configured_site_url()) as url:
        yield url


# test_pages.py checks every page in the background from its first test on: its file goes
# first, so the checking starts with the run; the tests that read the reports go last, so that
# every other browser test runs while the pages are being checked.
LAST = ("test_page", "test_typical_markdown_page_within_its_budget")


def pytest_collection_modifyitems(items) -> None:
    last = [item for item in items if getattr(item, "originalname", "") in LAST]
    rest = [item for item in items if item not in last]
    first = [item for item in rest if item.path.name == "test_pages.py"]
    items[:] = first + [item for item in rest if item not in first] + last


def pytest_terminal_summary(terminalreporter) -> None:
    """Where the page checks spent their time: the pages examined in full, one by one, and the
    light checks of the others, in all (each line is the seconds of one reader)."""
    if not CHECK_TIMES:
        return
    examined = {path: t for path, (kind, t) in CHECK_TIMES.items() if kind}
    light = [t for kind, t in CHECK_TIMES.values() if not kind]
    parts = [
        f"{CHECK_TIMES[path][0]} /{path} {t:.0f} s"
        for path, t in sorted(examined.items(), key=lambda item: -item[1])
    ]
    terminalreporter.write_line(
        f"page checks: {len(examined)} examined in full ({', '.join(parts)}); "
        f"{len(light)} light checks, {sum(light):.0f} s in all, {max(light, default=0):.1f} s "
        "at most"
    )


OPEN: list = []  # the browser of this session, for the failure report below


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """When a browser test fails, name every page it still has open and save a screenshot of
    each to artifacts/screenshots/failures/ (test_page takes its own, at the failing step)."""
    report = yield
    if report.when == "call" and report.failed and OPEN:
        folder = ARTIFACTS / "screenshots" / "failures"
        folder.mkdir(parents=True, exist_ok=True)
        lines = []
        pages = [page for context in OPEN[0].contexts for page in context.pages]
        for number, page in enumerate(pages, 1):
            shot = folder / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', item.name)}-{number}.png"
            try:
                page.screenshot(path=shot, full_page=True)
                lines.append(f"{page.url}: screenshot {shot.relative_to(ROOT)}")
            except Exception as error:  # a closed or crashed page: still name it
                lines.append(f"{page.url}: no screenshot ({type(error).__name__})")
        if lines:
            report.sections.append(("pages open when the test failed", "\n".join(lines)))
    return report


@pytest.fixture(scope="session")
def browser():
    """Chromium (TEST_BROWSER) through Playwright; skipped with advice if absent (fails in CI)."""
    if not Path(TEST_BROWSER).exists():
        advice = (
            f"{TEST_BROWSER} not found: install Chromium with "
            "`apt-get install chromium chromium-headless-shell`"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{advice} (CI=true: browser tests may not be skipped)", False)
        pytest.skip(advice)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=TEST_BROWSER, headless=True, args=CHROMIUM_ARGS
        )
        OPEN.append(browser)
        yield browser
        OPEN.clear()
        browser.close()


@pytest.fixture
def context(browser):
    """A light, desktop-sized context; the test fails on console errors or outside requests."""
    context, watch = open_context(browser)
    yield context
    context.close()
    assert not watch.external_requests, f"requests left localhost: {watch.external_requests}"
    assert not watch.console_errors, f"console errors: {watch.console_errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (ignored by git; CI keeps the folder as its artifacts)."""
    shutil.rmtree(ARTIFACTS / "screenshots", ignore_errors=True)
    (ARTIFACTS / "screenshots").mkdir(parents=True)
    return ARTIFACTS / "screenshots"
