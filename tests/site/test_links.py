"""Links in the built site, read from its HTML (no browser): every internal link and anchor
resolves, on Markdown and notebook pages and the 404 page alike; the sitemap lists exactly the
pages, at site_url; every page's "Edit this page" link names a file that exists in the repository.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from browsing import ROOT, configured_site_url, html_pages

EDIT = re.compile(r"^https://github\.com/[^/]+/[^/]+/edit/[^/]+/(?P<path>.+)$")
LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


class Parsed(HTMLParser):
    """The ids a page defines and the URLs it points at."""

    def __init__(self, text: str):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, dict]] = []  # (tag, url, attributes)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.ids.update(attrs[name] for name in ("id", "name") if attrs.get(name))
        if attrs.get(LINKING.get(tag, "")):
            self.links.append((tag, attrs[LINKING[tag]], attrs))


@pytest.fixture(scope="session")
def parsed(site_dir):
    """Every HTML file of the site, 404.html included, by its path in the site."""
    return {
        path.relative_to(site_dir).as_posix(): Parsed(path.read_text(encoding="utf-8"))
        for path in sorted(site_dir.rglob("*.html"))
    }


def target_file(site_dir: Path, path: str) -> str | None:
    """The site file a URL path (relative to the site root) serves, if any."""
    path = unquote(path)
    if path == "" or path.endswith("/"):
        path += "index.html"
    if (site_dir / path).is_dir():
        path += "/index.html"
    return path if (site_dir / path).is_file() else None


def test_every_internal_link_and_anchor_resolves(site_dir, parsed):
    site_url = configured_site_url()
    problems, checked = [], 0
    for name, page in parsed.items():
        page_url = urljoin(site_url, name.removesuffix("index.html"))
        for tag, url, _ in page.links:
            absolute = urljoin(page_url, url)
            if not absolute.startswith(site_url):
                continue  # another site (or mailto:, data:): not ours to resolve offline
            checked += 1
            parts = urlsplit(absolute[len(site_url) :])
            target = target_file(site_dir, parts.path)
            if target is None:
                problems.append(f"{name}: <{tag}> {url}: no such file in the site")
            elif (
                parts.fragment
                and target.endswith(".html")
                and unquote(parts.fragment) not in parsed[target].ids
            ):
                problems.append(f"{name}: <{tag}> {url}: no id {parts.fragment!r} in {target}")
    assert checked > 50, f"only {checked} internal links found: is the site built?"
    assert not problems, "\n".join(problems)


def test_sitemap_lists_every_page_at_site_url(site_dir):
    site_url = configured_site_url()
    text = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]*)</loc>", text)
    outside = [url for url in listed if not url.startswith(site_url)]
    assert not outside, f"sitemap URLs outside {site_url}: {outside}"
    assert sorted(url[len(site_url) :] for url in listed) == sorted(html_pages(site_dir))


def test_every_page_has_an_edit_link_to_its_source(parsed):
    """Markdown pages link to docs/…md; notebook pages to the snippets/…py they are run from."""
    problems = []
    for name, page in parsed.items():
        if name == "404.html" or name.startswith("assets/"):
            continue
        edits = [url for tag, url, attrs in page.links if attrs.get("rel") == "edit"]
        match = EDIT.match(edits[0]) if edits else None
        if not edits:
            problems.append(f"{name}: no edit link")
        elif not match or not (ROOT / match["path"]).is_file():
            problems.append(f"{name}: edit link {edits[0]} names no file of this repository")
    assert not problems, "\n".join(problems)
