"""Helpers for tests of the built site: the local server, launch settings, a watched browser
context, the list of pages, and what one page load fetches. `nox -s bench` reuses them."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

from engine import nav

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SIZES = {"desktop": (1280, 900), "phone": (360, 740)}  # viewports of screenshots and layout checks
PAGE_BUDGET = 1_000_000  # bytes of HTML, CSS and JS that any page may load (issue 6)
# ... and that a typical (median) Markdown page may load. Issue 6 asked for 300 KB, but
# Material's own stylesheets, bundle and search worker already weigh 303 KB uncompressed, before
# any page or site asset: a first visit cannot come under 300 KB without rewriting the theme.
TYPICAL_BUDGET = 400_000


def configured_site_url() -> str:
    """site_url from mkdocs.yml (SITE_URL in the environment overrides it, as on the host)."""
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/"


def served_path(site_url: str) -> str:
    """The path part of site_url, e.g. "/hidden-state/", under which the site is served."""
    path = urlsplit(site_url).path or "/"
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
            self._send(200, "application/xml", text.replace(self.site_url, here).encode())
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():  # serve the site's own 404 page, like a real host
            self._send(404, "text/html; charset=utf-8", page.read_bytes())
            return
        super().send_error(code, message, explain)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@contextmanager
def serve(site_dir: Path, site_url: str) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 under site_url's path; yields the local base URL."""
    prefix = served_path(site_url)
    handler = type("Handler", (_Handler,), {"prefix": prefix, "site_url": site_url})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()


def nav_pages() -> dict[str, str]:
    """The nav's pages: built path ("" for the home page) -> source file in docs/."""
    built = {}
    for _, source in nav.pages():
        stem = source.rsplit(".", 1)[0].removesuffix("index")
        built[stem if stem == "" or stem.endswith("/") else stem + "/"] = source
    return built


def html_pages(site_dir: Path) -> list[str]:
    """Every built page, as a path relative to the site root ("" is the home page)."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith("assets/"):
            continue
        pages.append(rel.removesuffix("index.html"))
    return pages


@dataclass
class Watch:
    """What a browser page did that it must not: console errors and requests off localhost."""

    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)


def open_context(browser, *, color_scheme="light", width=1280, height=900, js=True):
    """A fresh browser context that blocks and records every request leaving localhost."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=color_scheme,
        java_script_enabled=js,
        service_workers="block",
    )
    watch = Watch()

    def route(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            watch.external_requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.on(
        "console",
        lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    context.on("weberror", lambda error: watch.console_errors.append(str(error.error)))
    return context, watch


KINDS = {".html": "html", ".css": "css", ".js": "js"}  # anything else counts as "other"


@dataclass
class Visit:
    """One page opened with an empty cache: every site file it fetched, and what went wrong."""

    path: str  # relative to the site root, "" for the home page
    status: int
    fetched: dict[str, int]  # site file (e.g. "assets/vendor/katex/katex.min.js") -> bytes
    watch: Watch
    maths: int  # maths elements typeset by KaTeX
    unrendered_maths: int  # maths elements left as TeX source

    def weight(self, *kinds: str) -> int:
        """Bytes fetched of the given kinds ("html", "css", "js", "other")."""
        return sum(size for name, size in self.fetched.items() if kind(name) in kinds)

    def gzipped(self, site_dir: Path) -> int:
        """What the budgeted files weigh gzipped, as most hosts send them."""
        return sum(
            len(gzip.compress((site_dir / name).read_bytes()))
            for name in self.fetched
            if kind(name) != "other"
        )

    @property
    def budgeted(self) -> int:
        """What the page budget counts: HTML, CSS and JS, as the server sent them."""
        return self.weight("html", "css", "js")


def kind(name: str) -> str:
    return KINDS.get(Path(name).suffix, "other")


def visit(browser, base_url: str, site_dir: Path, path: str, **options) -> Visit:
    """Open base_url + path in a fresh context and record every request until the network is
    idle, lazily loaded files and the search worker's included. Sizes are read from the built
    files: the local server sends them as they are, uncompressed."""
    context, watch = open_context(browser, **options)
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    response = page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    maths = page.locator(".arithmatex .katex").count()
    unrendered = page.locator(".arithmatex:not(:has(.katex))").count()
    context.close()
    fetched = {}
    for url in urls:
        local = urlsplit(url).path
        if urlsplit(url).hostname not in LOCAL_HOSTS or not local.startswith(served_path(base_url)):
            continue
        name = local[len(served_path(base_url)) :]
        name = name + "index.html" if name == "" or name.endswith("/") else name
        if (site_dir / name).is_file():
            fetched[name] = (site_dir / name).stat().st_size
    status = response.status if response else 0
    return Visit(path, status, fetched, watch, maths, unrendered)


def settle(page) -> None:
    """Let every transition finish: a colour caught halfway (the header fading its title in,
    a chevron turning) is not one a reader sees."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def axe_problems(page) -> list[str]:
    """axe-core's violations of serious or critical impact on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe  # ships axe-core; fetches nothing

    settle(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
