"""Site timings and weights for `nox -s bench`: a full `mkdocs build`, then every page opened in
Chromium with an empty cache and weighed by what it really fetched (lazily loaded KaTeX and the
search worker included), in bytes as the server sends them, uncompressed.

    PYTHONPATH=tests python -m bench.pages
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from engine import notebooks

sys.path.insert(0, str(notebooks.ROOT / "tests" / "site"))  # the browser tests' helpers
from browsing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_BUDGET,
    TYPICAL_BUDGET,
    configured_site_url,
    html_pages,
    nav_pages,
    serve,
    visit,
)

MATERIAL = re.compile(r"assets/(stylesheets/(main|palette)|javascripts/(bundle|workers/search))\.")


def build(site_dir: Path) -> float:
    for experiment in notebooks.experiments():  # notebook pages need their run (cached)
        notebooks.executed(experiment)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site_dir],
        cwd=notebooks.ROOT,
        check=True,
    )
    return time.perf_counter() - start


def kb(size: float) -> str:
    return f"{size / 1000:7.1f}"


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp)
        seconds = build(site_dir)
        print(f"\nmkdocs build --strict (full site): {seconds:.1f} s\n")
        with serve(site_dir, configured_site_url()) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            visits = [visit(browser, url, site_dir, path) for path in html_pages(site_dir)]
            browser.close()
        gzipped = {v.path: v.gzipped(site_dir) for v in visits}

    nav = nav_pages()
    print("Page weights in KB (1 KB = 1000 bytes) as a first visit loads them, uncompressed.")
    print("total = HTML + CSS + JS (gzip: the same, gzipped as hosts send it);")
    print("other = search index, sitemap, fonts, images (not budgeted)")
    print(f"{'page':52} {'HTML':>7} {'CSS':>7} {'JS':>7} {'total':>7} {'gzip':>7} {'other':>7}")
    for v in visits:
        notebook = nav.get(v.path, "").endswith(".ipynb")
        name = (v.path or "(home page)") + (" [notebook]" if notebook else "")
        weights = [kb(v.weight(k)) for k in ("html", "css", "js", "other")]
        total = f"{kb(v.budgeted)} {kb(gzipped[v.path])}"
        print(f"{name:52} {' '.join(weights[:3])} {total} {weights[3]}")

    theme = {n: size for n, size in visits[0].fetched.items() if MATERIAL.match(n)}
    theme_kb = kb(sum(theme.values())).strip()
    print(f"\nof which Material's own CSS and JS, on every page: {theme_kb} KB")
    print("  " + ", ".join(f"{Path(n).name} {kb(size).strip()}" for n, size in theme.items()))

    largest = max(visits, key=lambda v: v.budgeted)
    typical = median(v.budgeted for v in visits if nav.get(v.path, "").endswith(".md"))
    over = [v for v in visits if v.budgeted > PAGE_BUDGET]
    print(f"largest page: {largest.path or '(home page)'}, {kb(largest.budgeted).strip()} KB")
    print(
        f"every page under {PAGE_BUDGET / 1000:.0f} KB: "
        + ("yes" if not over else "NO: " + ", ".join(v.path for v in over))
    )
    print(
        f"typical (median) Markdown page: {kb(typical).strip()} KB, budget "
        f"{TYPICAL_BUDGET / 1000:.0f} KB: " + ("within" if typical <= TYPICAL_BUDGET else "OVER")
    )
    return 1 if over or typical > TYPICAL_BUDGET else 0


if __name__ == "__main__":
    sys.exit(main())
