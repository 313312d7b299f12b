"""What Chromium does to set each page up, on a phone-sized screen with a 4x CPU slowdown.

    python bench/startup.py [--runs 3] [PAGE ...]    # needs Chromium (see the README)

Builds and serves the site as bench/lighthouse.py does, loads each page `--runs` times in
a fresh tab with a Chromium trace, and prints the medians of: the elements on the page,
how many elements were styled and how many layout objects were laid out until two seconds
after the load (a page styled once would restyle each element once), and the main thread's
long-task time. Restyles and layouts are counted, not timed, so they hardly vary between
runs: they show what the theme's start-up costs in work, the long tasks what it costs in
time on this machine. A second table gives the task that holds the page's DOMContentLoaded
event, where Material's script and the theme's set the page up: the largest single task of
a page's start, and the one Lighthouse's blocking time counts most of.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics

from lighthouse import served_site
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"]


def measure(browser, url: str) -> tuple[int, int, int, float, float]:
    """One load: (elements, elements styled, layout objects laid out, long-task ms, set-up task ms)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, service_workers="block")
    tab = context.new_page()
    context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    browser.start_tracing(page=tab, categories=CATEGORIES)
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(2000)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    elements = tab.evaluate("document.getElementsByTagName('*').length")
    context.close()
    # The page's main thread: the one that parsed the most HTML (a new tab may also parse a
    # blank page in another process first).
    parsed = collections.Counter()
    for e in events:
        if e.get("name") == "ParseHTML" and e.get("ph") == "X":
            parsed[e["pid"], e["tid"]] += e.get("dur", 0)
    main = parsed.most_common(1)[0][0]
    ours = [e for e in events if (e.get("pid"), e.get("tid")) == main and e.get("ph") == "X"]
    styled = sum(e.get("args", {}).get("elementCount") or 0 for e in ours if e["name"] == "UpdateLayoutTree")
    laid = sum(
        (e.get("args", {}).get("beginData") or {}).get("dirtyObjects") or 0 for e in ours if e["name"] == "Layout"
    )
    long_tasks = sum(e["dur"] / 1000 for e in ours if e["name"] == "RunTask" and e["dur"] > 50_000)
    loaded = next(
        e["ts"]
        for e in ours
        if e["name"] == "EventDispatch" and (e.get("args", {}).get("data") or {}).get("type") == "DOMContentLoaded"
    )
    setup = max(e["dur"] / 1000 for e in ours if e["name"] == "RunTask" and e["ts"] <= loaded <= e["ts"] + e["dur"])
    return elements, styled, laid, long_tasks, setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("only", nargs="*", help="page paths, e.g. ecr/ self-check/ (default: every page)")
    args = parser.parse_args()
    with served_site() as (_, url, pages), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        pages = [p for p in pages if not args.only or p in args.only]
        print(f"Page set-up in Chromium, 412x823, 4x CPU slowdown, median of {args.runs} loads per page")
        print(f"{'page':<20} {'elements':>8} {'styled':>7} {'per el.':>7} {'laid out':>8} {'long tasks':>11}")
        setups = {}
        for page in pages:
            runs = [measure(browser, url + page) for _ in range(args.runs)]
            elements, styled, laid, long_tasks, setups[page] = (
                statistics.median(run[i] for run in runs) for i in range(5)
            )
            print(
                f"{page or 'home':<20} {elements:>8.0f} {styled:>7.0f} {styled / elements:>7.1f} "
                f"{laid:>8.0f} {long_tasks:>8.0f} ms"
            )
        browser.close()
    print("\nThe task that sets the page up (DOMContentLoaded), median:")
    for page, setup in setups.items():
        print(f"  {page or 'home':<20} set-up task {setup:>5.0f} ms")


if __name__ == "__main__":
    main()
