"""The built site loads in a real browser, from localhost only, without console errors."""

from __future__ import annotations

from browsing import open_context


def test_home_page_loads(context, site_url):
    page = context.new_page()
    response = page.goto(site_url)
    assert response is not None and response.status == 200
    assert page.title().startswith("Hidden State")


def test_unknown_page_gets_the_404_page(browser, site_url):
    context, watch = open_context(browser)
    page = context.new_page()
    response = page.goto(site_url + "no-such-page/")
    assert response is not None and response.status == 404
    assert "404" in page.locator("article").inner_text()
    page.wait_for_load_state("networkidle")
    context.close()
    # The browser logs the 404 of the page itself; nothing else may fail.
    assert watch.console_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    assert not watch.external_requests
