"""Shared test fixtures: tiny sites built in a temporary folder, the real site built once,
a local web server for it, and Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import logging
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CHROMIUM_HELP = """\
Browser tests need Chromium. Install it, then run the tests again:
  Debian/Ubuntu: sudo apt-get install chromium     (found at /usr/bin/chromium)
  macOS/Windows: .venv/bin/python -m playwright install chromium
Or point CHROMIUM at a Chromium or Chrome binary: CHROMIUM=/path/to/chrome make test"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the expected HTML of golden tests")


def missing_tools(markexpr: str) -> list[str]:
    """What the selected tests need that this machine lacks, each with the command that installs it."""
    missing = []
    browser = "not browser" not in markexpr
    slow = "not slow" not in markexpr
    if browser and chromium_executable() is None and not _playwright_chromium():
        missing.append(CHROMIUM_HELP)
    if slow and shutil.which("java") is None:
        missing.append(
            "The HTML validity test needs Java 11 or later (the Nu HTML Checker runs on it):\n"
            "  Debian/Ubuntu: sudo apt-get install default-jre-headless    macOS: brew install openjdk"
        )
    if browser and not (ROOT / "node_modules" / "mermaid").is_dir():
        missing.append(
            "The diagram renderer's test needs Mermaid from npm: run `make test` (it runs npm ci), or npm ci"
        )
    if slow and shutil.which("zensical", path=str(Path(sys.executable).parent)) is None:
        missing.append(
            "The builder tests need Zensical and ProperDocs: run `make test`, or .venv/bin/pip install -r requirements-builders.txt"
        )
    return missing


def _playwright_chromium() -> bool:
    """Has `playwright install chromium` put a browser in its cache (macOS, Windows)?"""
    caches = [Path.home() / ".cache" / "ms-playwright", Path.home() / "Library" / "Caches" / "ms-playwright"]
    if os.environ.get("PLAYWRIGHT_BROWSERS_PATH"):
        caches.insert(0, Path(os.environ["PLAYWRIGHT_BROWSERS_PATH"]))
    return any(cache.is_dir() and any(cache.glob("chromium-*")) for cache in caches)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Before any test runs: say what is missing and how to install it, and stop."""
    missing = missing_tools(session.config.option.markexpr or "")
    if missing:
        pytest.exit("Some tools the tests need are missing:\n\n" + "\n\n".join(missing), returncode=4)


# Tiny sites ------------------------------------------------------------------------------


@dataclass
class Build:
    """The outcome of building a site: did it succeed, and what did MkDocs log."""

    ok: bool
    records: list[logging.LogRecord] = field(default_factory=list)
    error: str = ""
    site: Path | None = None

    def messages(self, level: int = logging.WARNING) -> list[str]:
        """Messages logged at `level` or above, as MkDocs prints them (without the level)."""
        return [r.getMessage() for r in self.records if r.levelno >= level]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site(project: Path, strict: bool = True) -> Build:
    """Build the MkDocs project in `project` in this process, as `mkdocs build` would."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    config = None
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=strict)
        build(config)
        return Build(True, handler.records, site=Path(config.site_dir))
    except (Abort, MkDocsException) as error:
        return Build(False, handler.records, error.format_message(), Path(config.site_dir) if config else None)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def write_site(
    folder: Path, pages: dict[str, str], *, hooks: tuple[str, ...] = ("quizzes", "links"), extra: str = ""
) -> Path:
    """Write a tiny MkDocs project that uses the real hooks and theme overrides.

    Args:
        folder: Where to write it.
        pages: Markdown files by path under docs/; their text is dedented.
        hooks: Which of the project's hooks to load (the report hook always comes first, then
            the offline hook, which writes the manifest that every page links).
        extra: More mkdocs.yml text.
    """
    for name, text in pages.items():
        path = folder / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    config = [
        "site_name: Test site",
        "site_url: https://example.org/test/",
        "theme:",
        "  name: material",
        f"  custom_dir: {ROOT / 'overrides'}",
        "markdown_extensions:",
        "  - admonition",
        "  - attr_list",
        "  - md_in_html",
        "  - toc:",
        "      permalink: true",
        "  - pymdownx.details",
        "  - pymdownx.superfences:",
        "      custom_fences:",
        "        - name: mermaid",
        "          class: mermaid",
        "          format: !!python/name:sitekit.diagrams.fence.format",
        "  - pymdownx.tabbed:",
        "      alternate_style: true",
        "  - sitekit.quizzes",
        "hooks:",
        *(f"  - {HOOKS / name}.py" for name in ("report", "offline", *hooks)),
    ]
    (folder / "mkdocs.yml").write_text("\n".join(config) + "\n" + textwrap.dedent(extra), encoding="utf-8")
    return folder


@pytest.fixture
def tiny_site(tmp_path: Path):
    """Write and build a tiny site: `tiny_site({"index.md": "..."})` returns the Build."""

    def make(pages: dict[str, str], **kwargs) -> Build:
        strict = kwargs.pop("strict", True)
        return build_site(write_site(tmp_path, pages, **kwargs), strict=strict)

    return make


# The real site --------------------------------------------------------------------------


@dataclass
class BuiltSite:
    path: Path
    log: str
    returncode: int
    url: str


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, quietly; a missing one gets the site's 404 page, as on GitHub Pages."""

    def log_message(self, format: str, *args) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The real site, built once with `mkdocs build --strict` and served on 127.0.0.1.

    The server is bound first so that the site can be built for its address: Material's
    instant navigation only takes over links that match the site URL in sitemap.xml.
    """
    out = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(out, result.stderr + result.stdout, result.returncode, url)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> str:
    """The address of the built site on a real HTTP server on 127.0.0.1.

    When the site does not build, the browser tests stop at once, with the build's log:
    one mistake then gives one report, not a failure per page.
    """
    if built_site.returncode != 0:
        findings = [line for line in built_site.log.splitlines() if "docs/" in line or "mkdocs.yml" in line]
        pytest.exit(
            "The site does not build, so the browser tests cannot run. Fix these first:\n"
            + "\n".join(findings or built_site.log.splitlines()[-20:]),
            returncode=1,
        )
    return built_site.url


# Chromium -------------------------------------------------------------------------------


def chromium_executable() -> str | None:
    """Chromium to drive: $CHROMIUM, else Debian's, else the one Playwright installed (None)."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the whole session; fails with instructions when it is missing."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(
                executable_path=chromium_executable(),
                args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
            )
        except Error as error:
            pytest.fail(f"{CHROMIUM_HELP}\n\n({str(error).splitlines()[0]})", pytrace=False)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser tab (empty storage) that fails the test on any request off 127.0.0.1.

    Service workers are blocked here (the offline tests allow them in their own context), so
    that no test pays for precaching the site in the background.
    """
    context = browser.new_context(base_url=site_url, service_workers="block")
    tab = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def guard(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not outside, f"requests to third parties: {outside}"
    assert not errors, f"JavaScript errors: {errors}"
