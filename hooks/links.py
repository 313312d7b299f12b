"""Check every link of the built site: internal ones on every build, external ones when asked.

This hook owns link validation: it turns MkDocs' own link and nav checks down to debug
level, so that each problem is reported once, here, with its file and line. External links
are checked only with LINKCHECK_EXTERNAL=1 (settings: `extra.linkcheck` in mkdocs.yml).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import html_regions
import link_check
import link_external
import markdown_scan
import project_files

HELPERS = (html_regions, markdown_scan, project_files, link_check, link_external)

# A logger under "mkdocs." counts in strict mode; messages start with the file, unprefixed.
log = logging.getLogger("mkdocs.plugins.links")


class _Build:
    """What one build knows about links (`mkdocs serve` starts a new one per rebuild)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.scans: dict[str, link_check.PageScan] = {}
        self.theme: dict[str, link_check.ThemeRead] = {}  # parts of the theme's markup, read once
        self.files: dict[str, File] = {}  # display path -> source file (read only for problems)
        self.uris: dict[str, str] = {}  # display path -> source URI
        self.docs = project_files.display_path(config.docs_dir, config.config_file_path)
        self.sources: dict[str, str] = {}  # source URI -> page URL
        self.nav: set[str] = set()
        self.site: link_check.Site | None = None
        self.external = os.environ.get("LINKCHECK_EXTERNAL", "") not in ("", "0")
        try:
            self.settings = link_external.read_settings(config.extra.get("linkcheck", {}), self.project)
        except ValueError as error:
            raise PluginError(f"mkdocs.yml: {error}") from None

    def display(self, path: str) -> str:
        return project_files.display_path(path, self.config.config_file_path)

    def markdown(self, source: str) -> str:
        file = self.files.get(source)
        return file.content_string if file else ""

    def locate(
        self, link: link_check.Link, scan: link_check.PageScan, index: int, raw_html: bool = False
    ) -> tuple[str, int, str]:
        """Return the file, line and written form of a link found on a page."""
        site = self.site
        assert site is not None
        if link.written_in == "theme":
            text = Path(self.config.config_file_path).read_text(encoding="utf-8")
            forms = link_check.written_forms(link, scan, site, scan.uri)
            found = link_check.where_written(text, forms, 0)
            name = self.display(self.config.config_file_path)
            return (name, *found) if found else (name, 1, link.url)
        source = link.written_in or scan.source
        uri = self.uris.get(source, scan.uri)
        forms = link_check.written_forms(link, scan, site, uri)
        found = link_check.where_written(
            self.markdown(source), forms, 0 if link.written_in else index, raw_html
        ) or link_check.where_written(self.markdown(source), forms, 0)
        return (source, *found) if found else (source, 1, link.url)


_build: _Build | None = None


def on_config(config: MkDocsConfig) -> None:
    """Take over MkDocs' link checks, so that a problem is never reported twice."""
    project_files.reload_helpers(*HELPERS)  # so that `mkdocs serve` shows edits to them
    global _build
    _build = _Build(config)
    for checks in (config.validation.links, config.validation.nav):
        for name in ("not_found", "anchors", "absolute_links", "unrecognized_links", "omitted_files"):
            if name in checks:
                checks[name] = logging.DEBUG


def on_files(files: Files, **kwargs) -> None:
    """Remember which page URL each Markdown source becomes."""
    assert _build is not None
    _build.sources = {f.src_uri: f.url for f in files.documentation_pages()}


def on_nav(nav: Navigation, **kwargs) -> None:
    """Remember the pages the navigation lists."""
    assert _build is not None
    _build.nav = {page.file.src_uri for page in nav.pages}


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> None:
    """Read the page as readers get it: its links and ids, once."""
    assert _build is not None
    source = f"{_build.docs}/{page.file.src_uri}"
    _build.files[source] = page.file
    _build.uris[source] = page.file.src_uri
    _build.scans[page.file.dest_uri] = link_check.scan_page(
        output, page.content, page.url, source, page.file.src_uri, _build.theme
    )


def on_post_build(*, config: MkDocsConfig) -> None:
    """Every page is written: check each link against the built site, report each problem once."""
    assert _build is not None
    files = {
        os.path.relpath(os.path.join(folder, name), config.site_dir).replace(os.sep, "/")
        for folder, _, names in os.walk(config.site_dir)
        for name in names
    }
    site = _build.site = link_check.Site(files, _build.scans, _build.sources, config.site_url or "")
    reports: dict[tuple[str, int, str], None] = {}
    external: dict[str, list[tuple[link_check.Link, link_check.PageScan]]] = {}

    for scan in _build.scans.values():
        problems, outgoing = link_check.check_page(site, scan)
        for link, url in outgoing:
            external.setdefault(url, []).append((link, scan))
        for problem in problems:
            where, line, written = _build.locate(problem.link, scan, problem.index, problem.kind == "markdown")
            # Links written in mkdocs.yml (the nav) are relative to the docs folder itself.
            uri = "" if problem.link.written_in == "theme" else _build.uris.get(where, scan.uri)
            reports[(where, line, link_check.describe(problem, written, scan, site, uri))] = None

    for file, scan in _build.scans.items():
        if scan.uri not in _build.nav and not any(
            link_check.reaches(site, other, file) for name, other in _build.scans.items() if name != file
        ):
            reports[
                (
                    scan.source,
                    1,
                    "page is not in the nav and no page links to it; "
                    "add it to nav in mkdocs.yml or link to it from another page",
                )
            ] = None

    if _build.external:
        _check_external(external, reports)
    for where, line, message in sorted(reports):
        log.warning(f"{where}:{line}: {message}")


def _check_external(external, reports) -> None:
    """Check external links (LINKCHECK_EXTERNAL=1) and add what fails to the reports."""
    assert _build is not None
    checker = link_external.Checker(_build.settings)
    results = checker.check_all(sorted(external), _progress)
    hints: dict[str, None] = {}
    for url, result in sorted(results.items()):
        if result.state == "ok":
            continue
        for link, scan in external[url]:
            where, line, _ = _build.locate(link, scan, 0)
            if result.state == "moved":
                hints[f"{where}:{line}: link '{url}' has moved permanently; use '{result.location}'"] = None
            else:
                reports[(where, line, f"link '{url}' is broken: {result.detail}")] = None
    for hint in hints:
        log.info(hint)


def _progress(done: int, total: int) -> None:
    """Show how far the external check is: one updating line on a terminal, a few lines in logs."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\rChecking external links: {done}/{total}" + ("\n" if done == total else ""))
        sys.stderr.flush()
    elif total and (done == total or done % max(1, total // 10) == 0):
        log.info(f"Checking external links: {done}/{total}")
