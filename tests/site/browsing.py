"""Helpers for tests of the built site: the local server (gzip, as GitHub Pages serves), launch
settings, a watched browser context, the list of pages, what a first visit transfers, and axe-core.
`nox -s bench` reuses them."""

from __future__ import annotations

import asyncio
import functools
import gzip
import http.server
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

from engine import nav

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium: Lighthouse (nox -s bench) runs it
# The browser tests run Debian's chromium-headless-shell when it is installed: the same Blink,
# without the windowing of the full browser's headless mode, and a quarter less CPU a page
# (the headless shell Playwright itself runs for headless tests). Else Debian's Chromium.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"
TEST_BROWSER = HEADLESS_SHELL if Path(HEADLESS_SHELL).exists() else CHROMIUM
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# How long each page's check took, {path: (kind examined, or "", seconds)}: filled by
# tests/site/test_pages.py, summed up at the end of the run (conftest.py).
CHECK_TIMES: dict[str, tuple[str, float]] = {}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Files the host sends gzipped: GitHub Pages compresses text, not images or fonts.
GZIPPED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".ipynb"}
SIZES = {"desktop": (1280, 900), "phone": (360, 740)}  # viewports of screenshots and layout checks
# Budgets in bytes the reader's browser transfers on a first visit (HTTP headers and gzipped
# bodies, everything loaded until the network is idle, before the reader does anything): any
# page, and the typical (median) Markdown page (issue 12).
PAGE_BUDGET = 200_000
TYPICAL_BUDGET = 120_000
# What no page may load before the reader does anything: maths is MathML written at build time
# (hooks/maths.py), the site uses the reader's own fonts (theme.font: false), and the search
# index waits until the reader turns to search (overrides/main.html).
NO_LOAD = re.compile(r"katex|mathjax|\.(woff2?|ttf|otf|eot)$|search_index\.json", re.IGNORECASE)


@functools.cache
def configured_site_url() -> str:
    """site_url from mkdocs.yml (SITE_URL in the environment overrides it, as on the host)."""
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/"


def served_path(site_url: str) -> str:
    """The path part of site_url, e.g. "/hidden-state/", under which the site is served."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


@functools.lru_cache(maxsize=512)
def _gzipped(body: bytes) -> bytes:
    """The gzipped body, compressed once per content (every page sends the same assets)."""
    return gzip.compress(body, compresslevel=6, mtime=0)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: text files gzipped for a browser that accepts it,
    cacheable for 10 minutes, the site's own 404 page for anything missing."""

    prefix = "/"
    site_url = ""

    def do_GET(self) -> None:
        url_path = self.path.split("?")[0].split("#")[0]
        file = Path(self.translate_path(url_path))
        if file.is_dir():
            if not url_path.endswith("/"):
                super().do_GET()  # redirects to the address with a slash, as hosts do
                return
            file = file / "index.html"
        if not file.is_file():
            self.send_error(404)
            return
        body = file.read_bytes()
        # Material's instant navigation only follows links that sitemap.xml lists, and the
        # sitemap names pages by site_url. On the real host that is the page's own origin; here
        # it is rewritten to this server's, so instant navigation works as it will there.
        if self.site_url and url_path == self.prefix + "sitemap.xml":
            here = f"http://127.0.0.1:{self.server.server_port}{self.prefix}"
            body = body.replace(self.site_url.encode(), here.encode())
        self._send(200, self.guess_type(str(file)), body, file.suffix)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():  # serve the site's own 404 page, like a real host
            self._send(404, "text/html; charset=utf-8", page.read_bytes(), ".html")
            return
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        self.header_bytes = sum(map(len, getattr(self, "_headers_buffer", [])))
        super().end_headers()

    def _send(self, status: int, content_type: str, body: bytes, suffix: str) -> None:
        gzipped = suffix in GZIPPED and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = _gzipped(body)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if suffix in GZIPPED:
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        if self.server.transfers is not None:  # what went over the wire: headers and body
            name = self.path.split("?")[0][len(self.prefix) :]
            self.server.transfers.append((name, self.header_bytes + len(body)))

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


class _Server(http.server.ThreadingHTTPServer):
    # A browser opens several connections at once (this server closes each after one file).
    # When the listen queue is full (the default holds 5, and a busy machine accepts slowly),
    # Linux drops a connection's opening packets, which are sent again only after 1, 3, 7, 15 s.
    # Never counted here (ListenOverflows stayed 0), but one way a page stays busy for 30 s.
    request_queue_size = 128


@contextmanager
def serve(site_dir: Path, site_url: str, transfers: list | None = None) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 under site_url's path; yields the local base URL.
    With a list as transfers, each response is added to it: (site path, bytes sent)."""
    prefix = served_path(site_url)
    handler = type("Handler", (_Handler,), {"prefix": prefix, "site_url": site_url})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    server.transfers = transfers
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


def read_page(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def pages_with(site_dir: Path, css_class: str) -> list[str]:
    """The built pages with an element of that class, the smallest first (the tests use the
    first: the behaviour is the same on every page, and a small page is quicker to go through)."""
    found = []
    for rel in html_pages(site_dir):
        html = read_page(site_dir, rel)
        if f'class="{css_class}"' in html:
            found.append((len(html), rel))
    return [rel for _, rel in sorted(found)]


KINDS = ("home", "concept", "quick intro", "quiz", "practice", "experiment", "notebook", "page")


def page_kind(site_dir: Path, path: str, source: str, title: str | None = None) -> str:
    """home, notebook, quiz (a page with questions), practice (tasks only), experiment (states
    measured figures), quick intro, concept, or page: read from the built page and its nav
    entry, so new modules need no list."""
    html = read_page(site_dir, path)
    stem = Path(source).stem
    if path == "":
        return "home"
    if source.endswith(".ipynb"):
        return "notebook"
    if 'class="hs-quiz"' in html:
        return "quiz"
    if 'class="hs-blanks"' in html:
        return "practice"
    if "data-figure=" in html or stem == "experiment":
        return "experiment"
    if stem == "quick-intro" or (title or "").startswith("Quick intro"):
        return "quick intro"
    if (title or "").startswith("Concept") or "<math" in html or "hs-diagram" in html:
        return "concept"
    return "page"


def page_kinds(site_dir: Path) -> dict[str, str]:
    """{path: kind} for every page of the nav, in nav order."""
    titles = {source: title for title, source in nav.pages()}
    return {
        path: page_kind(site_dir, path, source, titles.get(source))
        for path, source in nav_pages().items()
    }


def one_of_each_kind(site_dir: Path) -> dict[str, str]:
    """{path: kind}: the page of each kind that shows the most kinds of element (distinct tag
    and class pairs in its article outside code blocks: maths, diagrams, question parts,
    notebook cells), the smaller of two that show as many; in the order of KINDS. The largest
    page of a kind often only repeats the same elements more times, which costs a scan time and
    finds nothing more. What is inside code blocks does not count: the colour rules see one
    element of each kind of token in them (CODE_SAMPLES), and the other rules find nothing in
    code that its block has not shown them."""
    chosen: dict[str, tuple[int, int, str]] = {}
    for path, kind in page_kinds(site_dir).items():
        html = read_page(site_dir, path)
        rank = (-len(_element_kinds(_CODE_BLOCK.sub("<pre></pre>", html))), len(html), path)
        if kind not in chosen or rank < chosen[kind]:
            chosen[kind] = rank
    return {chosen[kind][2]: kind for kind in KINDS if kind in chosen}


_TAG = re.compile(r"<([a-z][a-z0-9]*)\b([^>]*)>")
_CLASS = re.compile(r"""\bclass=["']([^"']*)""")
_CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S)


def _element_kinds(html: str) -> set[tuple[str, str]]:
    """The (tag, class) pairs of the elements in a built page's article."""
    start, end = html.find("<article"), html.rfind("</article>")
    found = set()
    for tag, attributes in _TAG.findall(html[start:end] if start >= 0 else ""):
        named = _CLASS.search(attributes)
        found.update((tag, name) for name in (named[1].split() if named else [""]) or [""])
    return found


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


async def open_context_async(browser, *, color_scheme="light", width=1280, height=900, js=True):
    """open_context, for Playwright's async API (tests/site/test_pages.py)."""
    context = await browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=color_scheme,
        java_script_enabled=js,
        service_workers="block",
    )
    watch = Watch()

    async def route(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            await route.continue_()
        else:
            watch.external_requests.append(route.request.url)
            await route.abort()

    await context.route("**/*", route)
    context.on(
        "console",
        lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    context.on("weberror", lambda error: watch.console_errors.append(str(error.error)))
    return context, watch


@dataclass
class Visit:
    """A first visit to one page, with an empty cache: what it transferred, and what went wrong."""

    path: str  # relative to the site root, "" for the home page
    status: int
    transfers: list[tuple[str, int]]  # (site path, bytes sent: headers and gzipped body)
    watch: Watch

    @property
    def transferred(self) -> int:
        return sum(size for _, size in self.transfers)

    def largest(self, count: int = 3) -> str:
        """The largest transfers, for messages: "bundle.js 35.2 KB, ..."."""
        top = sorted(self.transfers, key=lambda item: -item[1])[:count]
        return ", ".join(
            f"{Path(name).name or name or 'the page'} {size / 1000:.1f} KB" for name, size in top
        )


@contextmanager
def first_visit(
    browser, site_dir: Path, path: str, slowdown: float = 1, **options
) -> Iterator[tuple[object, Visit]]:
    """Open one page as a first-time reader does, in a fresh context served by a server of its
    own (so that every byte it counts is this page's), wait until the network is idle (Traffic), and
    yield the page, still open for more checks, with its Visit. slowdown > 1 runs the page's
    main thread that many times slower, as Lighthouse does for a phone (`nox -s bench`)."""
    transfers: list[tuple[str, int]] = []
    with serve(site_dir, configured_site_url(), transfers) as base:
        context, watch = open_context(browser, **options)
        try:
            page = context.new_page()
            if slowdown > 1:
                context.add_init_script(TIMINGS)
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
            traffic = Traffic(page)
            response = page.goto(base + path)
            traffic.settled_sync()
            yield page, Visit(path, response.status if response else 0, list(transfers), watch)
        finally:
            context.close()


@asynccontextmanager
async def first_visit_async(
    browser, site_dir: Path, path: str, **options
) -> AsyncIterator[tuple[object, Visit]]:
    """first_visit, for Playwright's async API (tests/site/test_pages.py)."""
    transfers: list[tuple[str, int]] = []
    with serve(site_dir, configured_site_url(), transfers) as base:
        context, watch = await open_context_async(browser, **options)
        try:
            page = await context.new_page()
            traffic = Traffic(page)
            response = await page.goto(base + path)
            await traffic.settled()
            yield page, Visit(path, response.status if response else 0, list(transfers), watch)
        finally:
            await context.close()


class Unsettled(AssertionError):
    """A page still had requests in flight long after it loaded."""


class Traffic:
    """The requests a page has in flight, counted from Playwright's events. Used instead of
    Playwright's "networkidle" (which its documentation discourages for tests): it waits the
    same way, and when a page does not settle, it names the requests still in flight, where
    "networkidle" only times out (CI once saw that on a notebook page, never reproduced)."""

    def __init__(self, page):
        self.page = page
        self.in_flight: dict[object, float] = {}  # request -> when it started
        self.changed = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request) -> None:
        self.in_flight[request] = self.changed = time.monotonic()

    def _ended(self, request) -> None:
        self.in_flight.pop(request, None)
        self.changed = time.monotonic()

    async def settled(self, quiet: float = 0.5, limit: float = 60) -> None:
        """Wait until no request has been in flight for `quiet` seconds; after `limit` seconds,
        raise Unsettled naming the requests still in flight."""
        deadline = time.monotonic() + limit
        while self._waiting(quiet, deadline, limit):
            await asyncio.sleep(0.05)

    def settled_sync(self, quiet: float = 0.5, limit: float = 60) -> None:
        """settled, for Playwright's sync API."""
        deadline = time.monotonic() + limit
        while self._waiting(quiet, deadline, limit):
            self.page.wait_for_timeout(50)  # lets Playwright deliver the page's events

    def _waiting(self, quiet: float, deadline: float, limit: float) -> bool:
        now = time.monotonic()
        if not self.in_flight and now - self.changed >= quiet:
            return False
        if now > deadline:
            waiting = [
                f"{request.url[:120]} (for {now - started:.0f} s)"
                for request, started in self.in_flight.items()
            ]
            raise Unsettled(
                f"the network did not settle within {limit:.0f} s; in flight: "
                + ("; ".join(waiting) or "nothing, but requests kept starting")
            )
        return True


class Reader:
    """A reader who opens page after page, each as a first visit, on a phone-sized screen:
    one browser page in one context whose HTTP cache is off (every file is fetched again, as
    on a first visit), served by a server of its own (what it sends is this page's alone).
    Much cheaper than a fresh context per page (no new renderer process), for the light
    checks of every page; the pages examined in full get a fresh context (first_visit_async),
    at desktop width."""

    QUIET = 0.25  # s without a request in flight after the load event: the network is idle

    def __init__(self, page, base: str, transfers: list, watch: Watch):
        self.page, self.base, self.transfers, self.watch = page, base, transfers, watch
        self.traffic = Traffic(page)

    async def visit(self, path: str) -> Visit:
        """Open `path`, wait for the load event and then until no request has
        been in flight for QUIET seconds, and return what it transferred and logged."""
        self.transfers.clear()
        self.watch.console_errors.clear()
        self.watch.external_requests.clear()
        response = await self.page.goto(self.base + path)
        await self.traffic.settled(self.QUIET)
        watch = Watch(list(self.watch.console_errors), list(self.watch.external_requests))
        return Visit(path, response.status if response else 0, list(self.transfers), watch)


@asynccontextmanager
async def reader_async(browser, site_dir: Path) -> AsyncIterator[Reader]:
    """A Reader with its own server and context, closed on leaving."""
    transfers: list[tuple[str, int]] = []
    with serve(site_dir, configured_site_url(), transfers) as base:
        width, height = SIZES["phone"]  # its checks are at phone width; desktop: examined pages
        context, watch = await open_context_async(browser, width=width, height=height)
        try:
            page = await context.new_page()
            cdp = await context.new_cdp_session(page)
            await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            yield Reader(page, base, transfers, watch)
        finally:
            await context.close()


# A scrollable region that a keyboard cannot reach (axe-core's scrollable-region-focusable,
# without loading axe-core's 500 KB on every page): an element that scrolls, is drawn, and is
# neither focusable itself nor holds anything focusable. Returns a CSS path for each.
UNREACHABLE_SCROLL = """() => {
  const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    const x = /auto|scroll/.test(style.overflowX) && el.scrollWidth > el.clientWidth;
    const y = /auto|scroll/.test(style.overflowY) && el.scrollHeight > el.clientHeight;
    if (!(x || y) || !el.getClientRects().length) continue;
    const reachable = [el, ...el.querySelectorAll(focusable)].some(e => e.tabIndex >= 0);
    if (reachable) continue;
    const path = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const cls = [...e.classList].slice(0, 2).map(c => '.' + c).join('');
      path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : cls));
    }
    found.push(path.slice(-3).join(' > '));
  }
  return found;
}"""


# Installed before a page's own scripts by first_visit(slowdown=...): records long tasks and
# layout shifts, which timings() reads back.
TIMINGS = """
window.hsTimings = { long: [], shifts: 0 };
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) hsTimings.long.push([task.startTime, task.duration]);
}).observe({ type: "longtask", buffered: true });
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) if (!shift.hadRecentInput) hsTimings.shifts += shift.value;
}).observe({ type: "layout-shift", buffered: true });
"""


def timings(page) -> dict[str, float]:
    """Lighthouse-style figures of the page so far (after first_visit with slowdown): first
    contentful paint (ms), total blocking time (ms of long tasks beyond 50 ms, after the first
    paint) and cumulative layout shift."""
    return page.evaluate(
        """() => {
            const paint = performance.getEntriesByName("first-contentful-paint")[0];
            const fcp = paint ? paint.startTime : 0;
            const tbt = hsTimings.long
                .filter(([start]) => start >= fcp)
                .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
            return { fcp, tbt, cls: hsTimings.shifts };
        }"""
    )


def settle(page) -> None:
    """Let every transition finish: a colour caught halfway (the header fading its title in,
    a chevron turning) is not one a reader sees."""
    page.wait_for_function(SETTLED)


COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # what a change of palette can break
# Code blocks and notebook cells: one colour per kind of token (Pygments' classes, the site's
# code palette) on one background per kind of block, yet they are most of the text that
# axe-core's colour rule examines (80% of its time, for the same few pairs of colours again and
# again). The colour rules see the rest of the page and, in code blocks, one element of each
# kind: the first with text of its own, for each tag and class, in each kind of block.
CODE = "pre"
CODE_SAMPLES = """() => {
    const seen = new Set();
    for (const element of document.querySelectorAll("pre, pre *")) {
        const own = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        const block = element.closest("pre").parentElement;
        const kind = [element.tagName, element.className, block.className].join(" | ");
        if (own && !seen.has(kind)) {
            seen.add(kind);
            element.setAttribute("data-hs-sample", "");
        }
    }
}"""
SAMPLED = "[data-hs-sample]"


AXE_RUN = """([include, exclude, options]) => {
    const context = {};
    if (include) context.include = [].concat(include).map(selector => [selector]);
    if (exclude) context.exclude = [].concat(exclude).map(selector => [selector]);
    return axe.run(include || exclude ? context : document, options)
        .then(results => results.violations);
}"""
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


@functools.cache
def axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe  # ships axe-core; fetches nothing

    return Axe().axe_script


def _axe_options(rules: list[str] | None, skip: list[str] | None) -> dict:
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    if skip:
        options["rules"] = {rule: {"enabled": False} for rule in skip}
    return options


def _serious(violations: list[dict]) -> list[tuple[str, str]]:
    found = []
    for v in violations:
        if v["impact"] in ("serious", "critical"):
            targets = [node["target"] for node in v["nodes"]]
            message = f"{v['id']} ({v['impact']}): {v['help']} at {targets[:5]}"
            found.append((message, targets[0][-1] if targets and targets[0] else ""))
    return found


def axe_violations(
    page,
    include: str | list[str] | None = None,
    exclude: str | list[str] | None = None,
    rules: list[str] | None = None,
    skip: list[str] | None = None,
) -> list[tuple[str, str]]:
    """axe-core's violations of serious or critical impact on the page as it is now, as
    (message, selector of the first element concerned): on all of the page or on the elements
    matching include, less those matching exclude; with all rules, only those named (rules), or
    all but those named (skip)."""
    settle(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())  # once per page load: it is 500 KB of script
    options = _axe_options(rules, skip)
    return _serious(page.evaluate(AXE_RUN, [include, exclude, options]))


async def axe_violations_async(
    page,
    include: str | list[str] | None = None,
    exclude: str | list[str] | None = None,
    rules: list[str] | None = None,
    skip: list[str] | None = None,
) -> list[tuple[str, str]]:
    """axe_violations, for Playwright's async API (tests/site/test_pages.py)."""
    await page.wait_for_function(SETTLED)
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(axe_script())
    options = _axe_options(rules, skip)
    return _serious(await page.evaluate(AXE_RUN, [include, exclude, options]))


def axe_problems(page, **scope) -> list[str]:
    """The messages of axe_violations(page, **scope)."""
    return [message for message, _ in axe_violations(page, **scope)]
