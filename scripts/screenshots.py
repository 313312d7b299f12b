"""Full-page screenshots of every page of the navigation, and a contact sheet to look at them.

    python scripts/screenshots.py [--out bench/out/screens] [--site DIR] [--pages ecr fargate]

Builds the site (or takes an already built one with --site), serves it on 127.0.0.1, and
writes, for every page of the navigation, a full-page PNG at the phone size (390x844) and the
desktop size (1440x900), in the light and dark schemes, before and after answering its
quizzes. Then `index.html`, a grid of thumbnails grouped by page that link to the full
images, and `contact-sheet.png`, that grid as Chromium draws it, so the whole site can be
looked at in a minute. Chromium is driven by Playwright; nothing leaves 127.0.0.1.

The tests (tests/look.py) share the helpers below: the pages of the navigation, the sizes
and the way quizzes are answered.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int
    mobile: bool
    scale: int

    def context_options(self, scale: int | None = None) -> dict:
        """Keyword arguments of Playwright's browser.new_context for this size."""
        return {
            "viewport": {"width": self.width, "height": self.height},
            "device_scale_factor": scale or self.scale,
            "is_mobile": self.mobile,
            "has_touch": self.mobile,
        }


PHONE = Size("phone", 390, 844, True, 2)
DESKTOP = Size("desktop", 1440, 900, False, 1)
SIZES = (PHONE, DESKTOP)
SCHEMES = ("light", "dark")
STATES = ("before", "after")


# The pages of the navigation ------------------------------------------------------------


def flatten_nav(nav: list) -> list[tuple[str, str]]:
    """(title, Markdown file) of every page in a MkDocs nav, sections flattened in order.

    An entry is `{title: file}`, `{title: [entries]}` (a section) or a bare `file`; links to
    other sites (`{title: https://...}`) are no pages of the site and are left out.
    """
    pages: list[tuple[str, str]] = []
    for item in nav or []:
        entries = item.items() if isinstance(item, dict) else [(None, item)]
        for title, value in entries:
            if isinstance(value, list):
                pages.extend(flatten_nav(value))
            elif isinstance(value, str) and "://" not in value:
                pages.append((title or value, value))
    return pages


def nav_pages(config_file: Path = ROOT / "mkdocs.yml") -> list[tuple[str, str]]:
    """(title, Markdown file) for every page of the site's navigation, nested sections included."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file))
    return flatten_nav(config.nav)


def page_path(source: str) -> str:
    """The address of a page relative to the site root: `ecr.md` -> `ecr/`, `index.md` -> ``."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def page_slug(source: str) -> str:
    """A file name for a page: `ecr.md` -> `ecr`, `index.md` -> `home`."""
    return page_path(source).strip("/").replace("/", "-") or "home"


# Answering quizzes ----------------------------------------------------------------------

# Every quiz of the page answered as a hurried reader would: the first option (the first two
# where several apply), "x" in a fill-in box, then "Check answer". One call for the page.
ANSWER_JS = r"""
() => {
  let answered = 0
  for (const quiz of document.querySelectorAll("[data-quiz]")) {
    if (quiz.dataset.quizState) continue
    const kind = quiz.dataset.quizKind
    if (kind === "fill") {
      const box = quiz.querySelector("input[type=text]")
      box.value = "x"
      box.dispatchEvent(new Event("input", {bubbles: true}))
    } else {
      const inputs = [...quiz.querySelectorAll(".quiz__option input")]
      for (const input of inputs.slice(0, kind === "multiple" ? 2 : 1)) input.click()
    }
    const button = quiz.querySelector("button[type=submit]")
    if (button) { button.click(); answered++ }
  }
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur()
  return answered
}
"""


def answer_quizzes(page) -> int:
    """Answer every quiz on the page; returns how many were answered."""
    answered = page.evaluate(ANSWER_JS)
    page.wait_for_timeout(50)
    return answered


# The page's scripts have done what changes its layout: quizzes set up (quiz.js), tables
# wrapped (Material), fonts loaded.
READY_JS = """() => document.readyState === "complete"
  && [...document.querySelectorAll("[data-quiz]")].every(quiz => quiz.dataset.quizReady)
  && (!document.querySelector(".md-content table:not([class])") || !!document.querySelector(".md-typeset__scrollwrap"))
  && document.fonts.status === "loaded"
"""


def open_page(page, url: str, scheme: str, *, idle: bool = True) -> None:
    """Load a page in a colour scheme and wait until its scripts have set it up.

    idle: also wait until the network is idle (the navigation's marks need quizzes.json);
    the tests, which do not look at the navigation, skip that half second.
    """
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.goto(url, wait_until="load")
    if idle:
        page.wait_for_load_state("networkidle")
    page.wait_for_function(READY_JS)


# Building and serving -------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The browser drops connections it no longer needs (a page left before its images
        # arrived): nothing to report.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path | None) -> Iterator[tuple[str, Path]]:
    """Serve a built site on 127.0.0.1, building it first (for its address) when folder is None."""
    temporary = None
    if folder is None:
        temporary = Path(tempfile.mkdtemp(prefix="screens-site-"))
        folder = temporary
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        if temporary is not None:
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(folder)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
            )
            if result.returncode != 0:
                raise SystemExit(f"the site does not build:\n{result.stderr}{result.stdout}")
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield url, folder
    finally:
        server.shutdown()
        server.server_close()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def chromium_executable() -> str | None:
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


# Every address that is not on this machine (only those are intercepted, so that the site's
# own files load at full speed).
OFF_MACHINE = re.compile(r"^(?!(?:https?://127\.0\.0\.1[:/]|data:|blob:|file:|about:))")


def local_only(context) -> list[str]:
    """Abort every request of a browser context that does not go to 127.0.0.1.

    Returns the list the aborted addresses are added to."""
    blocked: list[str] = []

    def guard(route):
        blocked.append(route.request.url)
        route.abort()

    context.route(OFF_MACHINE, guard)
    return blocked


# Screenshots and the contact sheet ------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    slug: str
    title: str
    size: str
    scheme: str
    state: str

    @property
    def file(self) -> str:
        return f"{self.slug}--{self.size}-{self.scheme}-{self.state}.png"

    @property
    def label(self) -> str:
        return f"{self.size} · {self.scheme} · {self.state}"


def take_screenshots(browser, url: str, pages: list[tuple[str, str]], out: Path, scale: int | None) -> list[Shot]:
    """Write the full-page screenshots of `pages` into `out`; returns what was taken."""
    shots: list[Shot] = []
    for size in SIZES:
        for scheme in SCHEMES:
            context = browser.new_context(**size.context_options(scale))
            local_only(context)
            tab = context.new_page()
            for title, source in pages:
                slug = page_slug(source)
                open_page(tab, url + page_path(source), scheme)
                has_quizzes = tab.locator("[data-quiz]").count() > 0
                for state in STATES:
                    if state == "after":
                        if not has_quizzes:
                            continue
                        answer_quizzes(tab)
                        tab.wait_for_timeout(250)  # button transitions
                    shot = Shot(slug, title, size.name, scheme, state)
                    tab.screenshot(path=str(out / shot.file), full_page=True)
                    shots.append(shot)
                if has_quizzes:  # the next visit of a page starts unanswered
                    tab.evaluate("localStorage.clear()")
            context.close()
    return shots


def contact_sheet_html(pages: list[tuple[str, str]], shots: list[Shot]) -> str:
    """A grid of thumbnails: one row per page, one column per size, scheme and state (the same
    place in every row), each linking to its full-page screenshot."""
    columns = [(size.name, scheme, state) for size in SIZES for scheme in SCHEMES for state in STATES]
    by_key = {(shot.slug, shot.size, shot.scheme, shot.state): shot for shot in shots}
    head = "".join(
        f'<div class="head head--{size}">{html.escape(size)}<br>{html.escape(scheme)} · {html.escape(state)}</div>'
        for size, scheme, state in columns
    )
    rows = []
    for title, source in pages:
        slug = page_slug(source)
        cells = [
            f'<div class="page" id="{html.escape(slug)}"><strong>{html.escape(title)}</strong>'
            f"<br><small>{html.escape(page_path(source) or '/')}</small></div>"
        ]
        for size, scheme, state in columns:
            shot = by_key.get((slug, size, scheme, state))
            if shot is None:
                cells.append('<div class="tile tile--none">no quiz</div>')
                continue
            cells.append(
                f'<a class="tile tile--{size} tile--{scheme}" href="{html.escape(shot.file)}" '
                f'title="{html.escape(title)}: {html.escape(shot.label)}">'
                f'<img src="{html.escape(shot.file)}" alt="{html.escape(title)}, {html.escape(shot.label)}"></a>'
            )
        rows.append("".join(cells))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Screenshots of the site</title>
<style>
  body {{ font: 13px/1.35 system-ui, sans-serif; margin: 12px; background: #eee; color: #222; }}
  h1 {{ font-size: 18px; margin: 0 0 4px; }}
  p {{ margin: 0 0 10px; }}
  .sheet {{ display: grid; gap: 6px; align-items: start;
    grid-template-columns: 130px repeat(4, 110px) repeat(4, 200px); }}
  .head {{ font-weight: 600; font-size: 12px; }}
  .page {{ padding-top: 4px; overflow-wrap: anywhere; }}
  .tile {{ display: block; height: 220px; overflow: hidden; border: 1px solid #aaa; background: #fff; }}
  .tile--dark {{ background: #222; }}
  .tile img {{ display: block; width: 100%; }}
  .tile--none {{ display: grid; place-items: center; color: #666; font-size: 12px; border-style: dashed; }}
</style>
</head>
<body>
<h1>Screenshots of the site</h1>
<p>The top of every page of the navigation; select a thumbnail for the full page. Phone 390x844 and
desktop 1440x900, light and dark, before and after answering the page's quizzes.</p>
<div class="sheet">
<div class="head">page</div>{head}
{"".join(rows)}
</div>
</body>
</html>
"""


def write_contact_sheet(browser, pages: list[tuple[str, str]], shots: list[Shot], out: Path) -> Path:
    """Write index.html, then contact-sheet.png: the index as Chromium draws it."""
    index = out / "index.html"
    index.write_text(contact_sheet_html(pages, shots), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1620, "height": 900})
    local_only(context)
    tab = context.new_page()
    tab.goto(index.resolve().as_uri())
    tab.wait_for_load_state("load")
    sheet = out / "contact-sheet.png"
    tab.screenshot(path=str(sheet), full_page=True)
    context.close()
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "screens", help="output folder")
    parser.add_argument("--site", type=Path, help="an already built site (default: build it)")
    parser.add_argument("--pages", nargs="+", metavar="PAGE", help="only these pages (ecr, ecr.md or ecr/)")
    parser.add_argument("--scale", type=int, help="device scale factor (default: 2 on the phone, 1 on the desktop)")
    args = parser.parse_args(argv)

    pages = nav_pages()
    if args.pages:
        wanted = {p.strip("/").removesuffix(".md") for p in args.pages}
        pages = [(t, s) for t, s in pages if s.removesuffix(".md") in wanted or page_slug(s) in wanted]
        if not pages:
            parser.error(f"no page of the navigation matches {args.pages}")
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    with serve(args.site) as (url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        try:
            shots = take_screenshots(browser, url, pages, args.out, args.scale)
            sheet = write_contact_sheet(browser, pages, shots, args.out)
        finally:
            browser.close()
    print(f"{len(shots)} screenshots of {len(pages)} pages in {args.out} ({time.monotonic() - started:.0f} s)")
    print(f"contact sheet: {args.out / 'index.html'} and {sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
