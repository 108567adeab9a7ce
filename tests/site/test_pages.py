"""Every page of the nav, Markdown and notebook alike, opened once as a first-time reader opens
it, and checked in that one visit:

- it loads from this site alone (HTTP 200, no request off localhost, no console error), within
  the budget of bytes transferred, without any maths script or font (maths is MathML, written
  when the site is built) and without the search index (loaded when the reader turns to search);
- axe-core finds no serious or critical problem in the light palette, then in the dark one
  (colour rules), with its questions and tasks fresh; on the first page of each kind also
  answered (wrong, right, revealed): answering takes most of a quiz page's visit, and the
  component is the same on every page. Code blocks share one palette and are most of the
  colour rule's work: their colours are scanned on the first page of each kind, every other
  rule everywhere;
- every question has its key among its options; quiz.js sets up every question and task;
- at 360 px nothing makes the page scroll sideways, and no region a keyboard cannot scroll.

One test per page (`test_page[why-rnns-quiz]`), so a failure names its page; each problem
names the step and the element, with a screenshot in artifacts/screenshots/failures/. The pages
are checked by two browsers side by side (CI has two cores). The first page of each kind (home,
concept, quiz, practice, notebook) is also screenshot in both palettes, at desktop and phone
width, for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path
from queue import Empty, Queue
from statistics import median
from threading import Thread

import pytest
from browsing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CODE,
    COLOUR_RULES,
    NO_LOAD,
    PAGE_BUDGET,
    SIZES,
    TYPICAL_BUDGET,
    Visit,
    axe_problems,
    axe_violations,
    first_of_each_kind,
    first_visit,
    html_pages,
    nav_pages,
    open_context,
    settle,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

PAGES = nav_pages()  # built path ("" for the home page) -> source in docs/, in nav order
QUESTIONS = ".hs-quiz, .hs-blanks"
ACTION_TIMEOUT = 5_000  # ms: a click that cannot happen fails in seconds, not thirty
SHOT_TIMEOUT = 30_000  # ms: a whole long page takes a while to capture on a busy machine
WORKERS = min(2, os.cpu_count() or 1)  # browsers checking pages side by side (CI has 2 cores)


def slug(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "-", path).strip("-") or "home"


class Check:
    """The problems found on one page. Each names the page, the step and the element, and
    comes with a screenshot of the page as it was, scrolled to the element when there is one."""

    def __init__(self, path: str, artifacts: Path):
        self.path, self.artifacts = path, artifacts
        self.problems: list[str] = []

    def fail(self, page: Page, step: str, message: str, selector: str = "") -> None:
        folder = self.artifacts / "failures"
        folder.mkdir(exist_ok=True)
        shot = folder / f"{slug(self.path)}-{len(self.problems) + 1}-{slug(step)}.png"
        try:
            if selector:
                page.locator(selector).first.scroll_into_view_if_needed(timeout=2_000)
            page.screenshot(path=shot, full_page=not selector, timeout=SHOT_TIMEOUT)
            where = f"screenshot: {shot.relative_to(self.artifacts.parents[1])}"
        except PlaywrightError as error:
            where = f"no screenshot: {first_line(error)}"
        self.problems.append(f"/{self.path} ({step}): {message} [{where}]")

    def axe(self, page: Page, step: str, **scope) -> None:
        for message, selector in axe_violations(page, **scope):
            self.fail(page, f"axe, {step}", message, selector)

    def act(self, page: Page, step: str, element: str, action, *args) -> bool:
        """Do one thing a reader does; on failure, say what and where, and return False."""
        try:
            action(*args)
            return True
        except (PlaywrightError, AssertionError) as error:
            self.fail(page, step, f"{element}: {first_line(error)}", element.split()[0])
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


@pytest.fixture(scope="session")
def visits() -> dict[str, Visit]:
    """Each page's first visit (filled by test_page; the typical-budget test reads them)."""
    return {}


@pytest.fixture(scope="session")
def kinds(site_dir) -> dict[str, str]:
    """The first page of each kind (home, concept, quiz, practice, notebook): {path: kind}."""
    return first_of_each_kind(site_dir)


@pytest.fixture(scope="session")
def reports(request, browser, site_dir, artifacts, kinds) -> dict[str, Report]:
    """Every page that a test_page of this run asks for, checked by WORKERS browsers side by
    side: this session's, and one more per extra worker, each in a thread of its own."""
    wanted = [
        item.callspec.params["path"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_page"
    ]
    queue: Queue[str] = Queue()
    for path in wanted:
        queue.put(path)
    results: dict[str, Report] = {}

    def work(browser) -> None:
        while True:
            try:
                path = queue.get_nowait()
            except Empty:
                return
            try:
                results[path] = check_page(browser, site_dir, artifacts, kinds.get(path), path)
            except Exception as error:  # reported by the page's own test, not lost in a thread
                message = "".join(traceback.format_exception(error))
                results[path] = Report(None, [f"/{path}: the check itself failed:\n{message}"])

    def extra_worker() -> None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            other = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            work(other)
            other.close()

    threads = [Thread(target=extra_worker) for _ in range(min(WORKERS, len(wanted)) - 1)]
    for thread in threads:
        thread.start()
    work(browser)  # this thread's browser is a worker too
    for thread in threads:
        thread.join()
    return results


def test_every_built_page_is_in_the_nav(site_dir):
    """Pages are checked one test each, from the nav: no built page may escape that."""
    built, nav = set(html_pages(site_dir)), set(PAGES)
    assert built == nav, f"built but not in nav: {built - nav}; in nav, not built: {nav - built}"
    assert any(source.endswith(".ipynb") for source in PAGES.values()), "no notebook page"


@pytest.mark.parametrize("path", list(PAGES), ids=slug)
def test_page(reports, visits, path):
    report = reports[path]
    if report.visit:
        visits[path] = report.visit
    assert not report.problems, f"{len(report.problems)} problem(s):\n" + "\n".join(report.problems)


def check_page(browser, site_dir: Path, artifacts: Path, kind: str | None, path: str) -> Report:
    """Everything test_page checks, in one visit of the page."""
    check = Check(path, artifacts)
    with first_visit(browser, site_dir, path) as (page, visit):
        page.set_default_timeout(ACTION_TIMEOUT)
        loaded(page, visit, check)
        has_code = page.locator(CODE).count() > 0
        check.axe(page, "light palette", skip=COLOUR_RULES)
        check.axe(page, "light palette", rules=COLOUR_RULES, exclude=CODE)
        if kind and has_code:
            check.axe(page, "light palette, code", rules=COLOUR_RULES, include=CODE)
        # Answering every question takes most of a quiz page's visit; the component is one and
        # the same on every page, so the first page of each kind (and test_quiz.py) answers.
        answered = answer_everything(page, check) if kind else False
        if answered:
            check.axe(page, "light palette, answered", include=QUESTIONS, exclude=CODE)
        if kind:
            screenshots(page, artifacts, kind, "light", "desktop")

        page.emulate_media(color_scheme="dark")  # Material follows the system's palette
        if check.act(page, "dark palette", "body", expect_scheme, page, "slate"):
            state = "answered" if answered else "fresh"
            check.axe(page, f"dark palette, {state}", rules=COLOUR_RULES, exclude=CODE)
            if kind and has_code:
                check.axe(page, f"dark palette, {state}, code", rules=COLOUR_RULES, include=CODE)
            if kind:
                screenshots(page, artifacts, kind, "dark", "desktop")
            if answered and check.act(page, "reset", ".hs-reset", reset, page):
                check.axe(
                    page, "dark palette, fresh", include=QUESTIONS, exclude=CODE, rules=COLOUR_RULES
                )

        width, height = SIZES["phone"]
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            check.fail(page, "phone", f"the page is {overflow}px wider than a {width}px screen")
        check.axe(page, "phone", rules=["scrollable-region-focusable"])
        if kind:
            screenshots(page, artifacts, kind, "dark", "phone")
            page.emulate_media(color_scheme="light")
            expect_scheme(page, "default")
            screenshots(page, artifacts, kind, "light", "phone")

        for text in visit.watch.console_errors:
            check.fail(page, "console", text)
        for url in visit.watch.external_requests:
            check.fail(page, "network", f"request left the site: {url}")
    return Report(visit, check.problems)


def loaded(page: Page, visit, check: Check) -> None:
    """Status, weight, and what a page must not load."""
    if visit.status != 200:
        check.fail(page, "load", f"HTTP {visit.status}")
    if visit.transferred > PAGE_BUDGET:
        check.fail(
            page,
            "weight",
            f"{visit.transferred:,} bytes transferred, over the budget of {PAGE_BUDGET:,} "
            f"(largest: {visit.largest()})",
        )
    for name, _ in visit.transfers:
        if NO_LOAD.search(name):
            check.fail(page, "weight", f"loads {name} before the reader does anything")
    raw = page.locator(".arithmatex:not(:has(math))")
    if raw.count():
        check.fail(page, "maths", f"{raw.count()} formula(s) left as TeX: {raw.first.inner_text()}")


def answer_everything(page: Page, check: Check) -> bool:
    """Answer every question (the first wrong then right, the others wrong) and check every task
    with wrong blanks (the first three times, which reveals it). False if the page has none."""
    boxes = page.locator(QUESTIONS)
    if not boxes.count():
        return False
    for box in boxes.all():
        ready = expect(box).to_have_attribute
        if not check.act(
            page, "quiz.js", f"#{box.get_attribute('id')} set up", ready, "data-hs-ready", ""
        ):
            return True
    for index, question in enumerate(page.locator(".hs-quiz").all()):
        name = f"#{question.get_attribute('id')}"
        key = question.get_attribute("data-key")
        letters = question.locator(".hs-option").evaluate_all("b => b.map(o => o.dataset.letter)")
        if key not in letters or len(letters) < 2:
            check.fail(page, "options", f"{name}: key {key} among the options {letters}?")
            continue
        if question.locator(".hs-option[aria-disabled]").count():
            continue  # settled: answered right already (stored from an earlier visit)
        wrong = next(letter for letter in letters if letter != key)
        for letter in [wrong, key] if index == 0 else [wrong]:
            option = question.locator(f'.hs-option[data-letter="{letter}"]')
            if not check.act(page, "answering", f"{name} option {letter}", choose, option):
                return True
    for index, task in enumerate(page.locator(".hs-blanks").all()):
        name = f"#{task.get_attribute('id')}"
        if task.locator(".hs-check").is_disabled():
            continue  # solved or revealed already
        for select in task.locator("select.hs-blank").all():
            blank = select.get_attribute("data-blank")
            wrong = select.evaluate(
                """(s, key) => [...s.options].map(o => o.value).find(v => v && v !== key)""",
                dict(pair.split("=") for pair in task.get_attribute("data-key").split())[blank],
            )
            if not check.act(
                page, "answering", f"{name} blank {blank}", select.select_option, wrong
            ):
                return True
        for _ in range(3 if index == 0 else 1):
            if not check.act(page, "answering", f"{name} Check", task.locator(".hs-check").click):
                return True
    return True


def choose(option) -> None:
    option.click()
    expect(option).to_have_attribute("aria-pressed", "true")


def reset(page: Page) -> None:
    page.locator(".hs-reset").click()
    expect(page.locator(".hs-option.hs-wrong, .hs-option.hs-right")).to_have_count(0)


def expect_scheme(page: Page, scheme: str) -> None:
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'")
    settle(page)


def screenshots(page: Page, artifacts: Path, kind: str, scheme: str, size: str) -> None:
    """For a person to look at: whole pages for home, quiz and practice; the first screen,
    the first diagram and the first equation of a concept page; a notebook's first plot."""
    page.evaluate("() => window.scrollTo(0, 0)")
    settle(page)
    name = f"{kind}-{scheme}-{size}"
    whole = kind in ("home", "quiz", "practice")
    page.screenshot(path=artifacts / f"{name}.png", full_page=whole, timeout=SHOT_TIMEOUT)
    targets = {"concept": {"diagram": "figure.hs-diagram", "maths": "div.arithmatex"}}
    targets["notebook"] = {"plot": ".jp-RenderedImage img"}
    for what, selector in targets.get(kind, {}).items():
        element = page.locator(selector).first
        if element.count():
            element.scroll_into_view_if_needed()
            settle(page)
            shot = artifacts / f"{kind}-{what}-{scheme}-{size}.png"
            page.screenshot(path=shot, timeout=SHOT_TIMEOUT)


def test_a_page_with_questions_and_tasks_together(browser, site_dir, artifacts, tmp_path):
    """A page may hold both kinds. Made here from the first quiz page with the first practice
    page's tasks added: checked like any page, then answered again after a reload in the same
    browser, where its answers are stored and its tasks locked (this used to time out)."""
    pages = [path for path in PAGES if "hs-quiz" in (site_dir / path / "index.html").read_text()]
    tasks = [path for path in PAGES if "hs-blanks" in (site_dir / path / "index.html").read_text()]
    if not pages or not tasks:
        pytest.skip("the site needs a quiz page and a practice page to make one")
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    quiz = (site / pages[0] / "index.html").read_text(encoding="utf-8")
    practice = (site / tasks[0] / "index.html").read_text(encoding="utf-8")
    added = re.search(r"</h1>(.*)</article>", practice, re.DOTALL)[1]  # the tasks, and their text
    both = quiz.replace("</article>", added + "</article>", 1)
    assert both.count('class="hs-blanks"') and both.count('class="hs-quiz"')
    (site / pages[0] / "index.html").write_text(both, encoding="utf-8")

    report = check_page(browser, site, artifacts, None, pages[0])
    assert not report.problems, "\n".join(report.problems)
    check = Check(pages[0] + " (answered again)", artifacts)
    with first_visit(browser, site, pages[0]) as (page, _):
        page.set_default_timeout(ACTION_TIMEOUT)
        answer_everything(page, check)
        page.reload()
        answer_everything(page, check)
        expect(page.locator(".hs-blanks .hs-check:disabled").first).to_be_visible()
    assert not check.problems, "\n".join(check.problems)


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
    response = page.goto(missing)
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert failed == [missing], f"files the 404 page could not load: {failed[1:]}"
    header = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position")
    assert header == "sticky", "the 404 page is unstyled"
    problems = axe_problems(page)
    assert not problems, problems
    page.get_by_role("link", name="home page").click()
    page.wait_for_url(site_url)
    assert page.title().startswith("Hidden State")
    context.close()
    # The browser logs the 404 of the page itself; nothing else may fail.
    assert watch.console_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    assert not watch.external_requests


def test_search_finds_a_page_and_opens_it(context, site_url):
    """The index loads when the reader turns to search (overrides/main.html), then search works."""
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Initializing search")  # no index yet: nobody asked for it
    page.locator(".md-search__input").focus()
    expect(meta).to_have_text("Type to start searching")
    # Typed key by key: Material reads the query on keyup, and fill() sends no key (it left the
    # query unread about half the time).
    page.locator(".md-search__input").press_sequentially("batch_first")
    result = page.locator(".md-search-result__item a").first
    result.wait_for()
    target = result.get_attribute("href")
    result.click()
    # Instant navigation changes the URL first and the article after: wait for both.
    page.wait_for_url(lambda url: url.split("#")[0] == target.split("#")[0])
    expect(page.locator("article.md-content__inner")).to_contain_text("batch_first")


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
    with_maths = [p for p in PAGES if p and "<math" in (site_dir / p / "index.html").read_text()]
    if not with_maths:
        pytest.skip("no page has maths")
    page = context.new_page()
    page.goto(site_url)
    page.evaluate("() => { window.hsSamePage = true; }")  # lost if the browser loads a new page
    page.locator(f'.md-nav a[href$="{with_maths[0]}"]').last.click()
    page.wait_for_url(f"**/{with_maths[0]}")
    formula = page.locator("article math").first
    formula.wait_for()
    assert formula.bounding_box()["height"] > 0, "the formula is not drawn"
    assert page.evaluate("() => window.hsSamePage"), "a full page load: no instant navigation"
