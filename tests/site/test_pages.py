"""Every built page, Markdown and notebook alike, as a reader's browser opens it: everything it
loads comes from this site, nothing goes wrong in the console, its maths is typeset, it stays
within the byte budget, and axe-core finds no serious or critical problem in either palette.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from statistics import median

import pytest
from browsing import (
    PAGE_BUDGET,
    SIZES,
    TYPICAL_BUDGET,
    axe_problems,
    html_pages,
    nav_pages,
    open_context,
    settle,
    visit,
)
from playwright.sync_api import Page, expect


@pytest.fixture(scope="session")
def visits(browser, site_url, site_dir):
    """Each page opened once with an empty cache, as a first-time reader would."""
    return [visit(browser, site_url, site_dir, path) for path in html_pages(site_dir)]


def test_every_nav_page_is_checked(visits):
    """The pages are found by listing the built site; the nav's, notebooks included, are there."""
    nav = nav_pages()
    assert set(nav) <= {v.path for v in visits}, set(nav) - {v.path for v in visits}
    assert any(source.endswith(".ipynb") for source in nav.values()), "no notebook page in nav"


def test_every_page_loads_from_this_site_alone_without_errors(visits):
    problems = []
    for v in visits:
        where = v.path or "(home page)"
        if v.status != 200:
            problems.append(f"{where}: HTTP {v.status}")
        problems += [f"{where}: request left the site: {url}" for url in v.watch.external_requests]
        problems += [f"{where}: console error: {text}" for text in v.watch.console_errors]
        if v.unrendered_maths:
            problems.append(f"{where}: {v.unrendered_maths} maths element(s) left as TeX")
    assert not problems, "\n".join(problems)


def test_maths_is_typeset_where_it_is_and_katex_loaded_only_there(visits):
    with_maths = [v for v in visits if v.maths]
    assert with_maths, "no page shows typeset maths: is KaTeX still wired up (maths.js)?"
    for v in visits:
        loads_katex = any(name.startswith("assets/vendor/katex/") for name in v.fetched)
        assert loads_katex == bool(v.maths), f"{v.path}: KaTeX loaded: {loads_katex}"


def test_every_page_within_the_byte_budget(visits):
    over = [f"{v.path}: {v.budgeted:,} bytes" for v in visits if v.budgeted > PAGE_BUDGET]
    assert not over, f"pages over {PAGE_BUDGET:,} bytes of HTML, CSS and JS:\n" + "\n".join(over)


def test_typical_markdown_page_within_its_budget(visits):
    markdown = [v.budgeted for v in visits if nav_pages().get(v.path, "").endswith(".md")]
    typical = median(markdown)
    assert typical <= TYPICAL_BUDGET, f"the median Markdown page loads {typical:,.0f} bytes"


@contextmanager
def clean_page(browser, **options) -> Iterator[Page]:
    """A page in a fresh context; afterwards, nothing may have left localhost or failed."""
    context, watch = open_context(browser, **options)
    yield context.new_page()
    context.close()
    assert not watch.external_requests and not watch.console_errors, watch


def every_page(page: Page, site_url: str, site_dir) -> Iterator[str]:
    """Open each built page in turn; yields its name for messages."""
    for path in html_pages(site_dir):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        yield path or "(home page)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_problem_on_any_page(browser, site_url, site_dir, scheme):
    expected = {"light": "default", "dark": "slate"}[scheme]
    problems = []
    with clean_page(browser, color_scheme=scheme) as page:
        for name in every_page(page, site_url, site_dir):
            shown = page.evaluate("() => document.body.dataset.mdColorScheme")
            assert shown == expected, f"{name}: palette {shown}, expected {expected}"
            problems += [f"{name}: {problem}" for problem in axe_problems(page)]
    assert not problems, "\n".join(problems)


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


def test_every_page_fits_a_phone_screen(browser, site_url, site_dir):
    """At 360 px nothing makes the page itself scroll sideways (wide code scrolls in its box)."""
    wide = []
    with clean_page(browser, width=SIZES["phone"][0], height=SIZES["phone"][1]) as page:
        for name in every_page(page, site_url, site_dir):
            overflow = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
            if overflow > 0:
                wide.append(f"{name}: {overflow}px wider than the screen")
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_screenshots(browser, site_url, artifacts, scheme, size):
    """The home page and a concept page with its diagram, for a person to look at."""
    width, height = SIZES[size]
    with clean_page(browser, color_scheme=scheme, width=width, height=height) as page:
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        settle(page)
        page.screenshot(path=artifacts / f"home-{scheme}-{size}.png", full_page=True)
        page.goto(site_url + "why-rnns/concept/")
        page.wait_for_load_state("networkidle")
        settle(page)
        page.screenshot(path=artifacts / f"concept-{scheme}-{size}.png")
        diagram = page.locator("figure.hs-diagram").first
        assert diagram.count(), "the concept page has no diagram"
        diagram.scroll_into_view_if_needed()
        settle(page)
        page.screenshot(path=artifacts / f"concept-diagram-{scheme}-{size}.png")


def test_search_finds_a_page_and_opens_it(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
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


def test_maths_is_typeset_after_instant_navigation(context, site_url):
    """Material swaps pages without reloading scripts: maths.js must still typeset the new one."""
    page = context.new_page()
    page.goto(site_url)
    page.evaluate("() => { window.hsSamePage = true; }")  # lost if the browser loads a new page
    # The concept page's link in the navigation (found by address: its title carries a time label).
    page.locator('.md-nav a[href$="why-rnns/concept/"]').last.click()
    page.wait_for_url("**/why-rnns/concept/")
    page.locator(".arithmatex .katex").first.wait_for()
    assert page.locator(".arithmatex:not(:has(.katex))").count() == 0
    assert page.evaluate("() => window.hsSamePage"), "a full page load: no instant navigation"
