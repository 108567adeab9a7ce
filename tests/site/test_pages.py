"""Every page of the nav, Markdown and notebook alike, opened as a first-time reader opens it.
One browser checks them all, three readers at a time, in the background while the other
browser tests run (CI has two cores), so the time grows with the cheap checks only:

- on every page, the light checks, by a reader that opens page after page with its cache off
  (browsing.Reader): it loads from this site alone (HTTP 200, no request off localhost, no
  console error), within the budget of bytes transferred, without any maths script or font
  (maths is MathML, written when the site is built) and without the search index (loaded
  when the reader turns to search); no formula left as TeX; at 360 px nothing makes the page
  scroll sideways, and no scrollable region is out of a keyboard's reach; a notebook page
  shows its plots and training progress and offers its executed .ipynb;
- on one page of each kind (home, concept, quick intro, quiz, practice, experiment,
  notebook: read from the nav and the built pages, the one that shows the most kinds of
  element outside code blocks, so new modules need no list), in a fresh context: every
  question answered (wrong, right, revealed), then axe-core once in the light palette
  (every rule) and once in the dark one (colour rules), the reset, and screenshots in both
  palettes, at desktop and phone width, for a person to look at. Material's palette, the
  quiz component and the code colours are the same on every page of a kind: scanning each
  page again found nothing new and took most of the browser phase.

One test per page (`test_page[why-rnns-quiz]`), so a failure names its page; each problem
names the step and the element, with a screenshot in artifacts/screenshots/failures/.
"""

from __future__ import annotations

import asyncio
import html
import re
import shutil
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from urllib.parse import urljoin, urlsplit

import pytest
from browsing import (
    CHECK_TIMES,
    CHROMIUM_ARGS,
    CODE,
    CODE_SAMPLES,
    COLOUR_RULES,
    NO_LOAD,
    PAGE_BUDGET,
    SAMPLED,
    SIZES,
    TEST_BROWSER,
    TYPICAL_BUDGET,
    UNREACHABLE_SCROLL,
    Reader,
    Traffic,
    Visit,
    Watch,
    axe_problems,
    axe_violations_async,
    first_visit,
    first_visit_async,
    html_pages,
    nav_pages,
    one_of_each_kind,
    open_context,
    pages_with,
    read_page,
    reader_async,
)
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, async_playwright, expect
from playwright.sync_api import expect as sync_expect

from engine import notebooks

PAGES = nav_pages()  # built path ("" for the home page) -> source in docs/, in nav order
QUESTIONS = ".hs-quiz, .hs-blanks"
ACTION_TIMEOUT = 5_000  # ms: a click that cannot happen fails in seconds, not thirty
SHOT_TIMEOUT = 30_000  # ms: a whole long page takes a while to capture on a busy machine
SIDE_BY_SIDE = 3  # readers at a time in the one browser: CI has 2 cores, and each reader
# spends part of its time waiting (the network going quiet, transitions, colours settling)
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"
NOTEBOOKS = {e.page.removesuffix(".ipynb") + "/": e for e in notebooks.experiments()}


def slug(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "-", path).strip("-") or "home"


class Check:
    """The problems found on one page. Each names the page, the step and the element, and
    comes with a screenshot of the page as it was, scrolled to the element when there is one."""

    def __init__(self, path: str, artifacts: Path):
        self.path, self.artifacts = path, artifacts
        self.problems: list[str] = []

    async def fail(self, page: Page, step: str, message: str, selector: str = "") -> None:
        folder = self.artifacts / "failures"
        folder.mkdir(exist_ok=True)
        shot = folder / f"{slug(self.path)}-{len(self.problems) + 1}-{slug(step)}.png"
        try:
            if selector:
                await page.locator(selector).first.scroll_into_view_if_needed(timeout=2_000)
            await page.screenshot(path=shot, full_page=not selector, timeout=SHOT_TIMEOUT)
            where = f"screenshot: {shot.relative_to(self.artifacts.parents[1])}"
        except PlaywrightError as error:
            where = f"no screenshot: {first_line(error)}"
        self.problems.append(f"/{self.path} ({step}): {message} [{where}]")

    async def axe(self, page: Page, step: str, **scope) -> None:
        for message, selector in await axe_violations_async(page, **scope):
            await self.fail(page, f"axe, {step}", message, selector)

    async def act(self, page: Page, step: str, element: str, action, *args) -> bool:
        """Do one thing a reader does; on failure, say what and where, and return False."""
        try:
            await action(*args)
            return True
        except (PlaywrightError, AssertionError) as error:
            await self.fail(page, step, f"{element}: {first_line(error)}", element.split()[0])
            return False


def first_line(error: Exception) -> str:
    """Playwright's message in one line, with the reason from its call log when it gives one."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    reasons = [line for line in lines if re.search(r"element is not|not visible|detached", line)]
    return " ".join(lines[:1] + reasons[-1:]) if lines else type(error).__name__


@dataclass
class Report:
    visit: Visit | None
    problems: list[str]


def in_one_browser(work):
    """Run `await work(browser)` with a Chromium of its own, in a thread of its own (the
    session's other browser tests use Playwright's sync API in this one), and return its result."""
    return in_the_background(work)()


def in_the_background(work):
    """Start `await work(browser)` with a Chromium of its own, in a thread of its own, and
    return a function that waits for its result (and raises its error, if it failed)."""
    outcome: dict = {}

    async def main() -> None:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=TEST_BROWSER, headless=True, args=CHROMIUM_ARGS
            )
            try:
                outcome["result"] = await work(browser)
            finally:
                await browser.close()

    def thread() -> None:
        try:
            asyncio.run(main())
        except BaseException as error:  # raised again in the thread that waits for it
            outcome["error"] = error

    runner = threading.Thread(target=thread, daemon=True)
    runner.start()

    def result():
        runner.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    return result


@pytest.fixture(scope="session")
def visits() -> dict[str, Visit]:
    """Each page's first visit (filled by test_page; the typical-budget test reads them)."""
    return {}


@pytest.fixture(scope="session")
def kinds(request, site_dir) -> dict[str, str]:
    """One page of each kind, {path: kind}: examined in full."""
    return one_of_each_kind(site_dir)


@pytest.fixture(scope="session", autouse=True)
def checking(request, site_dir, artifacts, kinds):
    """Starts checking every page that a test_page of this run asks for, in the background, as
    soon as this file's first test runs; returns a function that waits for the reports. The
    tests that run meanwhile (this file's others, test_quiz.py) mostly wait on their browser,
    and the two together fill CI's two cores better than one after the other; test_page and
    the tests that read its visits run last (conftest.py).

    SIDE_BY_SIDE readers share one browser. Each takes the next page from one queue: the pages
    examined in full first (the longest; each in a fresh context), then the others (the light
    checks, in the reader's own page: see browsing.Reader)."""
    wanted = [
        item.callspec.params["path"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_page"
    ]
    # The longest first, so that no reader is left with a long page at the end: the pages
    # examined in full, the largest of them first, then the others.
    size = {path: (site_dir / path / "index.html").stat().st_size for path in wanted}
    wanted.sort(key=lambda path: (path not in kinds, -size[path] if path in kinds else 0))

    async def work(browser) -> dict[str, Report]:
        queue: asyncio.Queue[str] = asyncio.Queue()
        for path in wanted:
            queue.put_nowait(path)
        results: dict[str, Report] = {}

        async def reader() -> None:
            async with reader_async(browser, site_dir) as reading:
                reading.page.set_default_timeout(ACTION_TIMEOUT)
                while not queue.empty():
                    path = queue.get_nowait()
                    started = time.perf_counter()
                    try:
                        if path in kinds:
                            results[path] = await examine_page(
                                browser, site_dir, artifacts, kinds[path], path
                            )
                        else:
                            results[path] = await light_page(reading, artifacts, path)
                    except Exception as error:  # reported by the page's own test
                        message = "".join(traceback.format_exception(error))
                        results[path] = Report(
                            None, [f"/{path}: the check itself failed:\n{message}"]
                        )
                    CHECK_TIMES[path] = (kinds.get(path, ""), time.perf_counter() - started)

        await asyncio.gather(*(reader() for _ in range(SIDE_BY_SIDE)))
        return results

    return in_the_background(work)


@pytest.fixture(scope="session")
def reports(checking) -> dict[str, Report]:
    """The reports of every page checked (see checking), once they are all in."""
    return checking()


def test_every_built_page_is_in_the_nav(site_dir):
    """Pages are checked one test each, from the nav: no built page may escape that."""
    built, nav = set(html_pages(site_dir)), set(PAGES)
    assert built == nav, f"built but not in nav: {built - nav}; in nav, not built: {nav - built}"
    assert any(source.endswith(".ipynb") for source in PAGES.values()), "no notebook page"


def test_every_kind_is_examined(kinds):
    """The full examination covers each kind the nav has (a new kind joins by itself)."""
    assert {"home", "quiz", "practice", "notebook"} <= set(kinds.values()), kinds


@pytest.mark.parametrize("path", list(PAGES), ids=slug)
def test_page(reports, visits, path):
    report = reports[path]
    if report.visit:
        visits[path] = report.visit
    assert not report.problems, f"{len(report.problems)} problem(s):\n" + "\n".join(report.problems)


async def light_page(reading: Reader, artifacts: Path, path: str) -> Report:
    """The light checks, in the reader's page: loaded, notebook, phone width, console, network."""
    check = Check(path, artifacts)
    visit = await reading.visit(path)
    await loaded(reading.page, visit, check)
    if path in NOTEBOOKS:
        await notebook_page(reading.page, check, NOTEBOOKS[path])
    await phone(reading.page, check, artifacts, None)
    await problems_logged(reading.page, check, reading.watch)  # the checks' time included
    return Report(visit, check.problems)


async def examine_page(browser, site_dir: Path, artifacts: Path, kind: str, path: str) -> Report:
    """The light checks and the full examination, in a fresh context of its own (its answers
    stored nowhere else)."""
    check = Check(path, artifacts)
    async with first_visit_async(browser, site_dir, path) as (page, visit):
        page.set_default_timeout(ACTION_TIMEOUT)
        await loaded(page, visit, check)
        if path in NOTEBOOKS:
            await notebook_page(page, check, NOTEBOOKS[path])
        await examine(page, check, artifacts, kind)
        await phone(page, check, artifacts, kind)
        await problems_logged(page, check, visit.watch)
    return Report(visit, check.problems)


async def problems_logged(page: Page, check: Check, watch: Watch) -> None:
    for text in watch.console_errors:
        await check.fail(page, "console", text)
    for url in watch.external_requests:
        await check.fail(page, "network", f"request left the site: {url}")


async def loaded(page: Page, visit: Visit, check: Check) -> None:
    """Status, weight, and what a page must not load."""
    if visit.status != 200:
        await check.fail(page, "load", f"HTTP {visit.status}")
    if visit.transferred > PAGE_BUDGET:
        await check.fail(
            page,
            "weight",
            f"{visit.transferred:,} bytes transferred, over the budget of {PAGE_BUDGET:,} "
            f"(largest: {visit.largest()})",
        )
    for name, _ in visit.transfers:
        if NO_LOAD.search(name):
            await check.fail(page, "weight", f"loads {name} before the reader does anything")
    raw = page.locator(".arithmatex:not(:has(math))")
    if await raw.count():
        first = await raw.first.inner_text()
        await check.fail(page, "maths", f"{await raw.count()} formula(s) left as TeX: {first}")


async def notebook_page(page: Page, check: Check, experiment: notebooks.Experiment) -> None:
    """An experiment's page shows its plots and training progress, offers the executed .ipynb
    (with its results and plots) and edits its source."""
    plots = page.locator(".jp-RenderedSVG img")  # nbconvert shows an SVG output as an <img>
    if not await plots.count() or not await plots.first.evaluate("img => img.naturalWidth"):
        await check.fail(page, "notebook", "the page shows no plot, or the plot does not load")
    printed = "".join(await page.locator(".jp-OutputArea-output pre").all_inner_texts())
    if "epoch" not in printed:
        await check.fail(page, "notebook", "the page shows no training progress")
    if not await page.get_by_role("heading", name="This run and the site's runs").count():
        await check.fail(page, "notebook", "the page does not compare its run with the runs")
    download = page.locator('a[download][href$=".ipynb"]')
    if await download.count() != 1:
        await check.fail(page, "notebook", "no download button for the notebook")
    else:
        served = await page.request.get(urljoin(page.url, await download.get_attribute("href")))
        notebook = await served.json() if served.status == 200 else {}
        cells = notebook.get("cells", [])
        if notebook.get("metadata", {}).get(notebooks.META, {}).get("results") != notebooks.results(
            experiment
        ) or not any(
            "image/svg+xml" in output.get("data", {})
            for cell in cells
            for output in cell.get("outputs", [])
        ):
            await check.fail(
                page, "notebook", "the downloaded notebook lacks its results or its plots"
            )
    edit = await page.locator('a[rel="edit"]').get_attribute("href")
    if not (edit or "").endswith(experiment.rel_source):
        await check.fail(page, "notebook", f"edit link {edit} is not {experiment.rel_source}")


async def examine(page: Page, check: Check, artifacts: Path, kind: str) -> None:
    """axe-core once in each palette, and the screenshots of the kind. A page with questions is
    scanned answered (each question answered wrong, the first one right too, the first task
    revealed): its unchosen options and unrevealed tasks still show the fresh state, so one
    scan sees both. In the dark palette only the colour rules run. In code blocks the colour
    rules see one element of each kind of token (browsing.CODE_SAMPLES)."""
    answered = await answer_everything(page, check)
    await page.evaluate(CODE_SAMPLES)  # after answering: a revealed task shows its code
    colours = {"rules": COLOUR_RULES, "include": ["html", SAMPLED], "exclude": CODE}
    state = ", answered" if answered else ""
    await check.axe(page, f"light palette{state}", skip=COLOUR_RULES)
    await check.axe(page, f"light palette{state}", **colours)
    await screenshots(page, artifacts, kind, "light", "desktop")

    await page.emulate_media(color_scheme="dark")  # Material follows the system's palette
    if await check.act(page, "dark palette", "body", expect_scheme, page, "slate"):
        await check.axe(page, f"dark palette{state}", **colours)
        await screenshots(page, artifacts, kind, "dark", "desktop")
        if answered:
            await check.act(page, "reset", ".hs-reset", reset, page)


async def phone(page: Page, check: Check, artifacts: Path, kind: str | None) -> None:
    """At 360 px: no sideways scrolling of the page, and no scrollable region a keyboard cannot
    reach (and axe-core's own rule for it, on a page examined in full)."""
    width, height = SIZES["phone"]
    await page.set_viewport_size({"width": width, "height": height})
    overflow = await page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
    if overflow > 0:
        await check.fail(page, "phone", f"the page is {overflow}px wider than a {width}px screen")
    for region in await page.evaluate(UNREACHABLE_SCROLL):
        await check.fail(page, "phone", f"a keyboard cannot scroll {region}")
    if kind:
        await check.axe(page, "phone", rules=["scrollable-region-focusable"])
        scheme = await page.evaluate("() => document.body.dataset.mdColorScheme")
        await screenshots(page, artifacts, kind, "dark" if scheme == "slate" else "light", "phone")
        if scheme == "slate":
            await page.emulate_media(color_scheme="light")
            await expect_scheme(page, "default")
            await screenshots(page, artifacts, kind, "light", "phone")


async def answer_everything(page: Page, check: Check) -> bool:
    """Answer every question (the first wrong then right, the others wrong) and check every task
    with wrong blanks (the first three times, which reveals it). False if the page has none."""
    boxes = page.locator(QUESTIONS)
    if not await boxes.count():
        return False
    for box in await boxes.all():
        ready = expect(box).to_have_attribute
        name = f"#{await box.get_attribute('id')} set up"
        if not await check.act(page, "quiz.js", name, ready, "data-hs-ready", ""):
            return True
    for index, question in enumerate(await page.locator(".hs-quiz").all()):
        name = f"#{await question.get_attribute('id')}"
        key = await question.get_attribute("data-key")
        letters = await question.locator(".hs-option").evaluate_all(
            "b => b.map(o => o.dataset.letter)"
        )
        if key not in letters or len(letters) < 2:
            await check.fail(page, "options", f"{name}: key {key} among the options {letters}?")
            continue
        if await question.locator(".hs-option[aria-disabled]").count():
            continue  # settled: answered right already (stored from an earlier visit)
        wrong = next(letter for letter in letters if letter != key)
        for letter in [wrong, key] if index == 0 else [wrong]:
            option = question.locator(f'.hs-option[data-letter="{letter}"]')
            if not await check.act(page, "answering", f"{name} option {letter}", choose, option):
                return True
    for index, task in enumerate(await page.locator(".hs-blanks").all()):
        name = f"#{await task.get_attribute('id')}"
        if await task.locator(".hs-check").is_disabled():
            continue  # solved or revealed already
        keys = dict(pair.split("=") for pair in (await task.get_attribute("data-key")).split())
        for select in await task.locator("select.hs-blank").all():
            blank = await select.get_attribute("data-blank")
            wrong = await select.evaluate(
                """(s, key) => [...s.options].map(o => o.value).find(v => v && v !== key)""",
                keys[blank],
            )
            if not await check.act(
                page, "answering", f"{name} blank {blank}", select.select_option, wrong
            ):
                return True
        for _ in range(3 if index == 0 else 1):
            check_button = task.locator(".hs-check").click
            if not await check.act(page, "answering", f"{name} Check", check_button):
                return True
    return True


async def choose(option) -> None:
    await option.click()
    await expect(option).to_have_attribute("aria-pressed", "true")


async def reset(page: Page) -> None:
    await page.locator(".hs-reset").click()
    await expect(page.locator(".hs-option.hs-wrong, .hs-option.hs-right")).to_have_count(0)


async def expect_scheme(page: Page, scheme: str) -> None:
    await page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'")
    await page.wait_for_function(SETTLED)


async def screenshots(page: Page, artifacts: Path, kind: str, scheme: str, size: str) -> None:
    """For a person to look at: the first screen; the whole page for home, quiz and practice
    (light, desktop: the other three show the same boxes in their first screen); the first
    diagram and the first equation of a concept page; a notebook's first plot."""
    await page.evaluate("() => window.scrollTo(0, 0)")
    await page.wait_for_function(SETTLED)
    name = f"{slug(kind)}-{scheme}-{size}"
    whole = kind in ("home", "quiz", "practice") and (scheme, size) == ("light", "desktop")
    await page.screenshot(path=artifacts / f"{name}.png", full_page=whole, timeout=SHOT_TIMEOUT)
    targets = {"concept": {"diagram": "figure.hs-diagram", "maths": "div.arithmatex"}}
    targets["notebook"] = {"plot": ".jp-RenderedSVG img"}
    for what, selector in targets.get(kind, {}).items():
        element = page.locator(selector).first
        if await element.count():
            await element.scroll_into_view_if_needed()
            await page.wait_for_function(SETTLED)
            shot = artifacts / f"{slug(kind)}-{what}-{scheme}-{size}.png"
            await page.screenshot(path=shot, timeout=SHOT_TIMEOUT)


def test_a_page_with_questions_and_tasks_together(site_dir, artifacts, tmp_path):
    """A page may hold both kinds. Made here from the smallest quiz page, cut after its first
    question, with the first task of the smallest practice page added: checked like any page,
    then answered, and answered again after a reload in the same browser, where its answers
    are stored and its task locked (this used to time out)."""

    pages, tasks = pages_with(site_dir, "hs-quiz"), pages_with(site_dir, "hs-blanks")
    if not pages or not tasks:
        pytest.skip("the site needs a quiz page and a practice page to make one")
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    quiz, practice = read_page(site, pages[0]), read_page(site, tasks[0])
    question = first_div(quiz, "hs-quiz")
    start, end = quiz.index(question), quiz.index("</article>")
    both = quiz[:start] + question + first_div(practice, "hs-blanks") + quiz[end:]
    assert both.count('class="hs-blanks"') == both.count('class="hs-quiz"') == 1
    (site / pages[0] / "index.html").write_text(both, encoding="utf-8")

    async def work(browser) -> list[str]:
        async with reader_async(browser, site) as reading:
            reading.page.set_default_timeout(ACTION_TIMEOUT)
            report = await light_page(reading, artifacts, pages[0])
        check = Check(pages[0] + " (answered again)", artifacts)
        async with first_visit_async(browser, site, pages[0]) as (page, _):
            page.set_default_timeout(ACTION_TIMEOUT)
            await answer_everything(page, check)
            await page.reload()
            await answer_everything(page, check)
            await expect(page.locator(".hs-blanks .hs-check:disabled").first).to_be_visible()
        return report.problems + check.problems

    problems = in_one_browser(work)
    assert not problems, "\n".join(problems)


def first_div(html: str, css_class: str) -> str:
    """The first <div class="css_class"> of a built page, with everything inside it."""
    start = html.index(f'<div class="{css_class}"')
    depth = 0
    for tag in re.finditer(r"<div\b|</div>", html[start:]):
        depth += -1 if tag[0] == "</div>" else 1
        if depth == 0:
            return html[start : start + tag.end()]
    raise AssertionError(f"<div class={css_class!r}> is never closed")


def test_typical_markdown_page_within_its_budget(browser, site_dir, visits):
    """The median Markdown page (not a notebook) within TYPICAL_BUDGET."""
    markdown = [path for path, source in PAGES.items() if source.endswith(".md")]
    for path in markdown:
        if path not in visits:  # test_page did not run for it (-k)
            with first_visit(browser, site_dir, path) as (_, visit):
                visits[path] = visit
    typical = median(visits[path].transferred for path in markdown)
    assert typical <= TYPICAL_BUDGET, (
        f"the median Markdown page transfers {typical:,.0f} bytes, over {TYPICAL_BUDGET:,}"
    )


def test_404_page_is_styled_and_leads_home_at_any_depth(browser, site_url):
    """The host serves 404.html for any missing path, however deep: its links are absolute."""
    missing = site_url + "no/such/deep/page/"
    context, watch = open_context(browser)
    page = context.new_page()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    traffic = Traffic(page)
    response = page.goto(missing)
    traffic.settled_sync()
    assert response is not None and response.status == 404
    assert failed == [missing], f"files the 404 page could not load: {failed[1:]}"
    header = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position")
    assert header == "sticky", "the 404 page is unstyled"
    problems = axe_problems(page)
    assert not problems, problems
    page.get_by_role("link", name="home page").click()
    page.wait_for_url(site_url)
    # The 404 page's title is the home page's too: wait for the home page's heading instead.
    sync_expect(page.locator("article h1")).to_have_text(re.compile(r"^Hidden State\b"))
    context.close()
    # The browser logs the 404 of the page itself; nothing else may fail.
    assert watch.console_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    assert not watch.external_requests


def test_search_finds_a_page_and_opens_it(context, site_url):
    """The index loads when the reader turns to search (overrides/main.html), then search works."""
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(site_url)
    traffic.settled_sync()
    meta = page.locator(".md-search-result__meta")
    sync_expect(meta).to_have_text("Initializing search")  # no index yet: nobody asked for it
    page.locator(".md-search__input").focus()
    sync_expect(meta).to_have_text("Type to start searching")
    # Typed key by key: Material reads the query on keyup, and fill() sends no key (it left the
    # query unread about half the time).
    page.locator(".md-search__input").press_sequentially("batch_first")
    # Each key sends a query, and the list is drawn again for each: wait for the list of the
    # whole word, whose links end in ?h=batch_first (a link read from the list of "b", and
    # clicked once the next list was drawn, opened another page: seen once in CI).
    result = page.locator(".md-search-result__item > a").first
    sync_expect(result).to_have_attribute("href", re.compile(r"\?h=batch_first$"))
    target = urlsplit(urljoin(page.url, result.get_attribute("href"))).path
    result.click()
    # Instant navigation swaps the article in place: poll the address and the article's text
    # (waiting for a navigation event missed one that had already happened).
    sync_expect(page).to_have_url(re.compile(rf"^[^?#]*{re.escape(target)}([?#].*)?$"))
    sync_expect(page.locator("article.md-content__inner")).to_contain_text("batch_first")


def test_palette_toggle_switches_to_dark_and_remembers_it(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    scheme = "() => document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == "default"
    for _ in range(3):  # system preference -> light -> dark: Material's order of palettes
        if page.evaluate(scheme) == "slate":
            break
        page.locator(".md-header__button[for^='__palette_']:visible").click()
    assert page.evaluate(scheme) == "slate", "the toggle never reached the dark palette"
    page.reload()
    assert page.evaluate(scheme) == "slate", "the dark palette is forgotten on reload"


def test_maths_survives_instant_navigation(context, site_url, site_dir):
    """Material swaps pages in place: the new page's MathML is drawn, with no script's help."""
    with_maths = [p for p in PAGES if p and "<math" in read_page(site_dir, p)]
    if not with_maths:
        pytest.skip("no page has maths")
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(site_url)
    # Material follows a link in place only once it has fetched sitemap.xml, after the load
    # event: until then a click loads the page anew. Wait for the network to settle first.
    traffic.settled_sync()
    page.evaluate("() => { window.hsSamePage = true; }")  # lost if the browser loads a new page
    page.locator(f'.md-nav a[href$="{with_maths[0]}"]').last.click()
    page.wait_for_url(f"**/{with_maths[0]}")
    # The address changes before the content is swapped, and the home page has a formula of
    # its own: wait for the new page's title and heading before looking at its maths.
    built = read_page(site_dir, with_maths[0])
    sync_expect(page).to_have_title(html.unescape(re.search(r"<title>([^<]*)<", built)[1]))
    heading = html.unescape(re.search(r"<h1[^>]*>([^<]*)", built)[1]).strip()
    sync_expect(page.locator("article h1")).to_contain_text(heading)
    formula = page.locator("article math").first
    sync_expect(formula).to_be_visible()
    height = formula.evaluate("math => math.getBoundingClientRect().height")
    assert height > 0, f"the first formula on {with_maths[0]} is not drawn (height {height})"
    assert page.evaluate("() => window.hsSamePage"), "a full page load: no instant navigation"
