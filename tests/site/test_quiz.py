"""The quiz component in a real browser: multiple choice, blanks, keyboard, storage, navigation.

Questions are read from the built pages (key, options, number of questions), so the tests follow
the content instead of hard-coding it; each test opens its own context, so answers stored by one
never lock another's. Every context used here fails the test on a console error or a request
that leaves localhost. axe-core, answered and fresh, in both palettes, and the screenshots of
a quiz and a practice page are done by test_pages.py::test_page, on one page of each kind.
"""

from __future__ import annotations

import re

import pytest
from browsing import Traffic, open_context, pages_with
from playwright.sync_api import Page, expect

PROGRESS = re.compile(r"^(\d+) of (\d+) answered, (\d+) correct$")


@pytest.fixture(scope="session")
def quiz_pages(site_dir) -> list[str]:
    found = pages_with(site_dir, "hs-quiz")
    assert found, "no built page has a multiple-choice question (div.hs-quiz)"
    return found


@pytest.fixture(scope="session")
def practice_pages(site_dir) -> list[str]:
    found = pages_with(site_dir, "hs-blanks")
    assert found, "no built page has a fill-in-the-blank task (div.hs-blanks)"
    return found


@pytest.fixture
def watched(browser):
    """open(**options) -> a new context; every one fails the test on errors or outside requests."""
    opened = []

    def open_(**options):
        context, watch = open_context(browser, **options)
        opened.append((context, watch))
        return context

    yield open_
    for context, watch in opened:
        context.close()
        assert not watch.external_requests, f"requests left localhost: {watch.external_requests}"
        assert not watch.console_errors, f"console errors: {watch.console_errors}"


def visit(context, url: str, settled: bool = False) -> Page:
    """Open a page and wait until quiz.js has built every question and task (a few at a time);
    with `settled`, also until the network is idle (Material follows links in place only once
    it has fetched sitemap.xml, after the load event)."""
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(url)
    page.wait_for_selector(".hs-progress")
    ready(page)
    if settled:
        traffic.settled_sync()
    return page


def ready(page: Page) -> None:
    waiting = ".hs-quiz:not([data-hs-ready]), .hs-blanks:not([data-hs-ready])"
    page.wait_for_function(f"() => !document.querySelector('{waiting}')")


def progress(page: Page) -> tuple[int, int, int]:
    """(answered, total, correct) from the page's progress line."""
    text = page.locator(".hs-progress .hs-count").inner_text().strip()
    match = PROGRESS.match(text)
    assert match, f"progress line reads {text!r}"
    answered, total, correct = map(int, match.groups())
    return answered, total, correct


def questions(page: Page) -> int:
    return page.locator(".hs-quiz, .hs-blanks").count()


def wrong_letter(question) -> str:
    key = question.get_attribute("data-key")
    letters = question.locator(".hs-option").evaluate_all(
        "buttons => buttons.map(b => b.dataset.letter)"
    )
    assert key in letters, f"key {key} is not one of the options {letters}"
    return next(letter for letter in letters if letter != key)


def option(question, letter: str):
    return question.locator(f'.hs-option[data-letter="{letter}"]')


def blank_key(task) -> dict[str, str]:
    return dict(pair.split("=") for pair in task.get_attribute("data-key").split())


def blank_choices(task) -> dict[str, dict[str, str]]:
    """{blank number: {letter: code}} as the task's option table lists them."""
    return task.evaluate(
        """task => {
            const rows = task.querySelector(':scope > table, :scope > * table').tBodies[0].rows;
            const result = {};
            for (const row of rows) {
                const [number, ...cells] = [...row.cells].map(c => c.textContent.trim());
                result[number] = {};
                cells.forEach((code, i) => { if (code) result[number]['ABCDEFGH'[i]] = code; });
            }
            return result;
        }"""
    )


def choose_wrong(task) -> None:
    """Set every blank of the task to an option that is not its key."""
    key, choices = blank_key(task), blank_choices(task)
    for number in key:
        wrong = next(letter for letter in choices[number] if letter != key[number])
        task.locator(f'select[data-blank="{number}"]').select_option(wrong)


def is_open(details) -> bool:
    return details.evaluate("d => d.open")


# ---- multiple choice ----


def test_wrong_then_right(watched, site_url, quiz_pages):
    page = visit(watched(), site_url + quiz_pages[0])
    total = questions(page)
    assert progress(page) == (0, total, 0)
    first = page.locator(".hs-quiz").first
    key, wrong = first.get_attribute("data-key"), wrong_letter(first)
    solution = first.locator(":scope > details.success")
    mistakes = first.locator(":scope > details.failure")
    assert not is_open(solution) and not is_open(mistakes)
    badge = first.locator(".hs-badge")
    expect(badge).to_contain_text(first.get_attribute("data-difficulty"))

    option(first, wrong).click()
    expect(option(first, wrong)).to_have_class(re.compile(r"\bhs-wrong\b"))
    expect(option(first, wrong)).to_have_attribute("aria-pressed", "true")
    expect(first.locator(".hs-feedback")).to_have_text(re.compile(f"^{wrong} is wrong"))
    assert is_open(solution) and is_open(mistakes)
    assert progress(page) == (1, total, 0)

    option(first, key).click()
    expect(option(first, key)).to_have_class(re.compile(r"\bhs-right\b"))
    expect(first.locator(".hs-feedback")).to_have_text(re.compile(f"^Right: {key}"))
    expect(first.locator(".hs-feedback")).to_have_attribute("role", "status")
    # The first answer is the one that counts; once right, the question is settled.
    assert progress(page) == (1, total, 0)
    expect(option(first, wrong)).to_have_attribute("aria-disabled", "true")
    option(first, wrong).click(force=True)
    expect(first.locator(".hs-feedback")).to_have_text(re.compile("^Right"))
    assert progress(page) == (1, total, 0)

    if page.locator(".hs-quiz").count() > 1:
        second = page.locator(".hs-quiz").nth(1)
        option(second, second.get_attribute("data-key")).click()
        expect(second.locator(".hs-feedback")).to_have_text(re.compile("^Right"))
        assert progress(page) == (2, total, 1)


# ---- fill in the blanks ----


def test_three_wrong_checks_reveal_the_code(watched, site_url, practice_pages):
    context = watched()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visit(context, site_url + practice_pages[0])
    total = questions(page)
    task = page.locator(".hs-blanks").first
    key, choices = blank_key(task), blank_choices(task)
    selects = task.locator("select.hs-blank")
    assert selects.count() == len(key), "one select per blank in the code"
    check, tries = task.locator(".hs-check"), task.locator(".hs-tries")
    solution = task.locator(":scope > details.success")
    expect(tries).to_have_text("3 attempts left")

    choose_wrong(task)
    for left in ("2 attempts left", "1 attempt left"):
        check.click()
        expect(tries).to_have_text(left)
        expect(task.locator(".hs-feedback")).to_contain_text("wrong")
        expect(task.locator("select.hs-wrong")).to_have_count(len(key))
        assert not is_open(solution)
    check.click()

    expect(tries).to_have_text("No attempts left")
    expect(check).to_be_disabled()
    assert is_open(solution)
    for number, letter in key.items():
        select = task.locator(f'select[data-blank="{number}"]')
        expect(select).to_be_disabled()
        expect(select).to_have_value(letter)
    # Material's copy button copies the revealed code: the key filled in, no option lists.
    task.hover()
    task.locator(":scope > .highlight [data-clipboard-target]").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    plain = watched(js=False).new_page()  # the template as written, blanks and all
    plain.goto(site_url + practice_pages[0])
    template = plain.locator(f"#{task.get_attribute('id')} > .highlight code").text_content()
    expected = re.sub(r"__(\d+)__", lambda m: choices[m[1]][key[m[1]]], template)
    assert copied == expected.rstrip()
    assert progress(page) == (1, total, 0)


def test_right_on_first_try(watched, site_url, practice_pages):
    page = visit(watched(), site_url + practice_pages[0])
    total = questions(page)
    task = page.locator(".hs-blanks").last
    for number, letter in blank_key(task).items():
        task.locator(f'select[data-blank="{number}"]').select_option(letter)
    task.locator(".hs-check").click()
    expect(task.locator(".hs-tries")).to_have_text("Solved in 1 attempt")
    expect(task.locator(".hs-feedback")).to_have_text(re.compile("^Right"))
    expect(task.locator("select.hs-blank:disabled")).to_have_count(len(blank_key(task)))
    assert is_open(task.locator(":scope > details.success"))
    assert progress(page) == (1, total, 1)


def test_check_with_an_empty_blank_costs_no_attempt(watched, site_url, practice_pages):
    page = visit(watched(), site_url + practice_pages[0])
    task = page.locator(".hs-blanks").first
    task.locator(".hs-check").click()
    expect(task.locator(".hs-feedback")).to_have_text("Choose an option for every blank first.")
    expect(task.locator(".hs-tries")).to_have_text("3 attempts left")


# ---- keyboard, storage, navigation ----


def tab_to(page: Page, selector: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only(watched, site_url, quiz_pages, practice_pages):
    page = visit(watched(), site_url + quiz_pages[0])
    first = page.locator(".hs-quiz").first
    key = first.get_attribute("data-key")
    tab_to(page, f"#{first.get_attribute('id')} .hs-option")
    while page.evaluate("() => document.activeElement.dataset.letter") != key:
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(option(first, key)).to_have_class(re.compile(r"\bhs-right\b"))
    assert is_open(first.locator(":scope > details.success"))

    page = visit(watched(), site_url + practice_pages[0])
    task = page.locator(".hs-blanks").first
    key_of = blank_key(task)
    for number in key_of:
        tab_to(page, f'#{task.get_attribute("id")} select[data-blank="{number}"]')
        # Arrow keys change a closed select's value, one option at a time, A first.
        for _ in range(ord(key_of[number]) - ord("A") + 1):
            page.keyboard.press("ArrowDown")
    tab_to(page, f"#{task.get_attribute('id')} .hs-check")
    page.keyboard.press("Enter")
    expect(task.locator(".hs-tries")).to_have_text("Solved in 1 attempt")


def test_reload_keeps_progress_and_reset_clears_it(watched, site_url, quiz_pages):
    context = watched()
    page = visit(context, site_url + quiz_pages[0])
    total = questions(page)
    first = page.locator(".hs-quiz").first
    wrong = wrong_letter(first)
    option(first, wrong).click()
    assert progress(page) == (1, total, 0)

    page.reload()
    page.wait_for_selector(".hs-progress")
    ready(page)
    first = page.locator(".hs-quiz").first
    assert progress(page) == (1, total, 0)
    expect(option(first, wrong)).to_have_class(re.compile(r"\bhs-wrong\b"))
    assert is_open(first.locator(":scope > details.success"))

    page.locator(".hs-reset").click()
    assert progress(page) == (0, total, 0)
    expect(page.locator(".hs-option.hs-wrong, .hs-option.hs-right")).to_have_count(0)
    assert not is_open(first.locator(":scope > details.success"))
    page.reload()
    page.wait_for_selector(".hs-progress")
    ready(page)
    assert progress(page) == (0, total, 0)


def test_practice_progress_survives_a_reload(watched, site_url, practice_pages):
    page = visit(watched(), site_url + practice_pages[0])
    task = page.locator(".hs-blanks").first
    number, letter = next(iter(blank_key(task).items()))
    task.locator(f'select[data-blank="{number}"]').select_option(letter)
    task.locator(".hs-check").click()
    tries = task.locator(".hs-tries").inner_text()
    page.reload()
    page.wait_for_selector(".hs-progress")
    ready(page)
    task = page.locator(".hs-blanks").first
    expect(task.locator(".hs-tries")).to_have_text(tries)
    expect(task.locator(f'select[data-blank="{number}"]')).to_have_value(letter)


def test_instant_navigation_away_and_back(watched, site_url, quiz_pages):
    page = visit(watched(), site_url + quiz_pages[0], settled=True)
    total = questions(page)
    first = page.locator(".hs-quiz").first
    option(first, wrong_letter(first)).click()
    page.evaluate("() => { window.hsStillHere = true; }")  # lost on a full page load
    first_title = page.locator("article h1").inner_text()

    # Any other page in the navigation: Material loads it in place (navigation.instant).
    links = page.locator(".md-nav--primary a.md-nav__link[href]:not(.md-nav__link--active)")
    away = next(
        link for link in links.all() if link.is_visible() and "#" not in link.get_attribute("href")
    )
    away.click()
    page.wait_for_url(lambda url: url != site_url + quiz_pages[0])
    expect(page.locator("article h1")).not_to_have_text(first_title)
    page.go_back()
    page.wait_for_url(site_url + quiz_pages[0])
    expect(page.locator("article h1")).to_have_text(first_title)  # swapped in after the address
    page.wait_for_selector(".hs-progress")
    ready(page)  # quiz.js builds the questions a few at a time, on this visit too
    assert page.evaluate("() => window.hsStillHere === true"), "that was a full page load"

    expect(page.locator(".hs-progress")).to_have_count(1)  # not bound twice
    assert progress(page) == (1, total, 0)
    second = page.locator(".hs-quiz").nth(1 if page.locator(".hs-quiz").count() > 1 else 0)
    option(second, second.get_attribute("data-key")).click()
    expected = (2, total, 1) if page.locator(".hs-quiz").count() > 1 else (1, total, 0)
    assert progress(page) == expected  # one click counted once


# ---- without JavaScript ----


def test_readable_without_javascript(watched, site_url, quiz_pages, practice_pages):
    """The first quiz page and the first practice page: the markup and quiz.css are the same on
    every page, and this visit grew with every module."""
    context = watched(js=False)
    for path in sorted({quiz_pages[0], practice_pages[0]}):
        page = context.new_page()
        page.goto(site_url + path)
        assert page.locator(".hs-progress, .hs-option, select").count() == 0
        for box in page.locator(".hs-quiz, .hs-blanks").all():
            assert box.locator(":scope > p strong").first.is_visible(), "question text"
            if "hs-quiz" in box.get_attribute("class"):
                items = box.locator(":scope > ol > li")
                assert items.count() >= 2
                assert items.first.is_visible()
                style = items.first.evaluate("li => getComputedStyle(li.parentNode).listStyleType")
                assert style == "upper-alpha"
            else:
                assert box.locator(":scope > table").is_visible(), "the options table"
                assert re.search(r"__\d+__", box.locator(":scope > .highlight").inner_text())
            for kind in ("tip", "success", "failure"):
                details = box.locator(f":scope > details.{kind}")
                expect(details).to_have_count(1)
                expect(details.locator("summary")).to_be_visible()
                assert not is_open(details), "collapsed without JavaScript"
        page.close()
