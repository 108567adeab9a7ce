"""Fixtures for tests of the built site: the site, a local server, and a headless Chromium.

`nox -s docs` builds the site once and passes `--site-dir site`; a plain `pytest` run builds it
into a temporary folder instead. Pages are served on 127.0.0.1 under the path of `site_url`, as
they will be on the host, and every browser page refuses any request that leaves localhost.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import CHROMIUM, CHROMIUM_ARGS, open_context
from mkdocs.config import load_config

from engine import notebooks
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
    if not (ROOT / "docs/assets/vendor/katex/katex.min.js").is_file():
        pytest.fail(
            "docs/assets/vendor/ is empty: run `python3 -m nox -s tests` once; it runs `npm ci` "
            "and copies the front-end files the site hosts itself (KaTeX) there",
            False,
        )
    path = tmp_path_factory.mktemp("site")
    for experiment in notebooks.experiments():  # notebook pages must have run (or be cached)
        notebooks.executed(experiment)
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if build.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stderr[-4000:]}", False)
    return path


def _site_url() -> str:
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/"


@pytest.fixture(scope="session")
def base_path() -> str:
    """The path part of site_url, e.g. "/hidden-state/", under which the site is served."""
    path = urlsplit(_site_url()).path or "/"
    return path if path.endswith("/") else path + "/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    site_url = ""

    def do_GET(self) -> None:
        # Material's instant navigation only follows links that sitemap.xml lists, and the
        # sitemap names pages by site_url. On the real host that is the page's own origin; here
        # it is rewritten to this server's, so instant navigation works as it will there.
        if self.site_url and self.path.split("?")[0] == self.prefix + "sitemap.xml":
            here = f"http://127.0.0.1:{self.server.server_port}{self.prefix}"
            text = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
            body = text.replace(self.site_url, here).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():  # serve the site's own 404 page, like a real host
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path, base_path: str) -> Iterator[str]:
    """http://127.0.0.1:PORT/<base path>/ serving the built site."""
    handler = type("Handler", (_Handler,), {"prefix": base_path, "site_url": _site_url()})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{base_path}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright; skipped with advice if absent (failed under CI)."""
    if not Path(CHROMIUM).exists():
        advice = f"{CHROMIUM} not found: install it with `apt-get install chromium`"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{advice} (CI=true: browser tests may not be skipped)", False)
        pytest.skip(advice)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
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
