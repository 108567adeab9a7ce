"""Site timings and weights for `nox -s bench`: a full `mkdocs build`; then every page opened in
Chromium as a first-time reader on a phone opens it, served with gzip as GitHub Pages serves
it: bytes transferred (headers and gzipped bodies, everything loaded before the reader does
anything), and Lighthouse-style timings read in the page with its main thread slowed down four
times (first contentful paint, total blocking time, layout shift); then Lighthouse itself
(mobile, its default) on one page of each kind (the one the browser tests examine: the most
kinds of element), from the npm package in tests/bench/.
Fails when a page is over the transferred budgets that tests/site/test_pages.py enforces.

    PYTHONPATH=tests python -m bench.pages
"""

from __future__ import annotations

import json
import os
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
    first_visit,
    nav_pages,
    one_of_each_kind,
    page_kinds,
    serve,
    timings,
)

LIGHTHOUSE = notebooks.ROOT / "tests" / "bench" / "node_modules" / ".bin" / "lighthouse"
PHONE = {"width": 412, "height": 823}  # Lighthouse's phone (Moto G Power)
SLOWDOWN = 4  # Lighthouse's CPU slowdown for a phone
TARGET = 0.95  # Lighthouse mobile performance score asked of one page of each kind
RUNS = 3  # Lighthouse runs per page; the median is shown


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
    return f"{size / 1000:.1f}"


def weigh(site_dir: Path) -> dict[str, tuple]:
    """{path: (Visit, timings)} for every page of the nav."""
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for path in nav_pages():
            phone = {"width": PHONE["width"], "height": PHONE["height"]}
            with first_visit(browser, site_dir, path, slowdown=SLOWDOWN, **phone) as (page, v):
                found[path] = (v, timings(page))
        browser.close()
    return found


def lighthouse(url: str) -> dict:
    """Lighthouse's mobile report of one page (performance and accessibility)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--only-categories=performance,accessibility",
                f"--chrome-flags={flags}",
                "--output=json",
                f"--output-path={report}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        return json.loads(report.read_text(encoding="utf-8"))


def costs(report: dict, url: str) -> str:
    """What weighs most on a Lighthouse run: the DOM's size, the scripts (or the page itself:
    parsing, style, layout) that kept the main thread busiest, the element that moved most."""
    audits = report["audits"]
    dom = audits.get("dom-size-insight") or audits.get("dom-size") or {}
    named = [f"{dom.get('numericValue', 0):.0f} elements in the page"]
    items = sorted(audits["bootup-time"]["details"]["items"], key=lambda i: -i.get("total", 0))
    for item in items[:3]:
        what = "the page itself" if item["url"] == url else Path(item["url"]).name or item["url"]
        named.append(f"{what} {item['total']:.0f} ms")
    shifts = audits.get("layout-shifts", {}).get("details", {}).get("items", [])
    if shifts:
        named.append(f"layout shift {shifts[0]['score']:.3f} at {shifts[0]['node']['selector']}")
    return "; ".join(named)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp)
        seconds = build(site_dir)
        print(f"\nmkdocs build --strict (full site): {seconds:.1f} s\n")
        start = time.perf_counter()
        visits = weigh(site_dir)
        weighed = time.perf_counter() - start
        nav = nav_pages()
        kinds = page_kinds(site_dir)

        print("Every page as a first visit on a phone loads it, served with gzip:")
        print("transferred = HTTP headers and bodies, everything loaded before the reader acts;")
        print(f"timings with the main thread {SLOWDOWN}x slower, as Lighthouse slows a phone:")
        print("FCP first contentful paint, TBT total blocking time (ms), CLS layout shift")
        print(f"{'page':48} {'kind':11} {'transferred':>11} {'files':>5} {'FCP':>6} {'TBT':>5} CLS")
        for path, (visit, t) in visits.items():
            print(
                f"{path or '(home page)':48} {kinds[path]:11} {kb(visit.transferred):>8} KB "
                f"{len(visit.transfers):>5} {t['fcp']:>6.0f} {t['tbt']:>5.0f} {t['cls']:.3f}"
            )
        print(f"({len(visits)} pages weighed in {weighed:.0f} s)")

        over = [p for p, (v, _) in visits.items() if v.transferred > PAGE_BUDGET]
        markdown = [v.transferred for p, (v, _) in visits.items() if nav[p].endswith(".md")]
        typical = median(markdown)
        largest = max(visits, key=lambda p: visits[p][0].transferred)
        print(f"\nlargest: {largest or '(home page)'}, {kb(visits[largest][0].transferred)} KB")
        print(f"  its largest files: {visits[largest][0].largest(4)}")
        print(
            f"every page within {kb(PAGE_BUDGET)} KB: "
            + ("yes" if not over else "NO: " + ", ".join(p or "(home page)" for p in over))
        )
        verdict = "within" if typical <= TYPICAL_BUDGET else "OVER"
        print(
            f"typical (median) Markdown page: {kb(typical)} KB, {verdict} {kb(TYPICAL_BUDGET)} KB"
        )

        if not LIGHTHOUSE.exists():
            print(f"\nLighthouse skipped: {LIGHTHOUSE} is missing (npm ci in tests/bench).")
        else:
            print("\nLighthouse (mobile), one page of each kind (as examined), served with gzip")
            print(f"(median of {RUNS} runs; on a busy machine its simulated timings run high):")
            print(f"{'page':40} {'kind':11} perf a11y  TBT ms  FCP ms  LCP ms   CLS   KB")
            with serve(site_dir, configured_site_url()) as url:
                for path, kind in one_of_each_kind(site_dir).items():
                    # Scores swing from run to run: the median of RUNS runs, by performance.
                    runs = sorted(
                        (lighthouse(url + path) for _ in range(RUNS)),
                        key=lambda r: r["categories"]["performance"]["score"],
                    )
                    report = runs[len(runs) // 2]
                    score = report["categories"]["performance"]["score"]
                    a = report["audits"]
                    print(
                        f"{path or '(home page)':40} {kind:11} {score:4.2f} "
                        f"{report['categories']['accessibility']['score']:4.2f} "
                        f"{a['total-blocking-time']['numericValue']:7.0f} "
                        f"{a['first-contentful-paint']['numericValue']:7.0f} "
                        f"{a['largest-contentful-paint']['numericValue']:7.0f} "
                        f"{a['cumulative-layout-shift']['numericValue']:5.3f} "
                        f"{a['total-byte-weight']['numericValue'] / 1000:5.1f}"
                    )
                    every = ", ".join(
                        f"{r['categories']['performance']['score']:.2f}" for r in runs
                    )
                    print(f"    {RUNS} runs: {every}")
                    if score < TARGET:
                        print(f"    under {TARGET}: {costs(report, url + path)}")
    return 1 if over or typical > TYPICAL_BUDGET else 0


if __name__ == "__main__":
    sys.exit(main())
