"""The link check of a whole build: every page read once, every problem named where it is written.

`SiteLinks` collects the scans of the built pages (MkDocs hands each page over as it is
written; `scan_built_site` reads them from disk for other builders), then `findings`
checks every link against the built site and finds the file and line of each problem in
the Markdown sources (or in mkdocs.yml, for the navigation).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import project as projects
from sitekit.findings import INFO, WARNING, Finding
from sitekit.links import check, settings

NOT_REACHED = (
    "page is not in the nav and no page links to it; add it to nav in mkdocs.yml or link to it from another page"
)


@dataclass
class SiteLinks:
    """What one build knows about links (`mkdocs serve` starts a new one per rebuild)."""

    config_file: Path
    docs_dir: Path
    site_url: str = ""
    sources: dict[str, str] = field(default_factory=dict)  # source URI -> page URL
    nav: set[str] = field(default_factory=set)  # source URIs in the navigation
    scans: dict[str, check.PageScan] = field(default_factory=dict)  # built file -> scan
    theme: dict[str, check.ThemeRead] = field(default_factory=dict)  # parts of the theme's markup, read once
    settings: settings.Settings = field(default_factory=settings.Settings)
    check_external: bool = False
    _markdown: dict[str, str] = field(default_factory=dict)
    docs: str = field(init=False)  # the docs folder as messages name it: `docs`

    def __post_init__(self) -> None:
        self.docs = projects.display_path(str(self.docs_dir), str(self.config_file))

    def add_page(self, dest_uri: str, output: str, content: str | None, url: str, src_uri: str) -> None:
        """Read a built page: its links and ids, once."""
        source = f"{self.docs}/{src_uri}"
        self.scans[dest_uri] = check.scan_page(output, content, url, source, src_uri, self.theme)

    def markdown(self, source: str) -> str:
        """A source file's text, read only when a problem needs its lines."""
        if source not in self._markdown:
            path = self.config_file.parent / source
            self._markdown[source] = path.read_text(encoding="utf-8") if path.is_file() else ""
        return self._markdown[source]

    def uri_of(self, source: str, default: str) -> str:
        prefix = self.docs + "/"
        return source.removeprefix(prefix) if source.startswith(prefix) else default

    def locate(
        self, site: check.Site, link: check.Link, scan: check.PageScan, index: int, raw_html: bool = False
    ) -> tuple[str, int, str, bool]:
        """Return the file, line and written form of a link found on a page, and whether it
        is written in raw HTML."""
        if link.written_in == "theme":
            text = self.config_file.read_text(encoding="utf-8")
            forms = check.written_forms(link, scan, site, scan.uri)
            found = check.where_written(text, forms, 0)
            name = projects.display_path(str(self.config_file), str(self.config_file))
            return (name, *found, False) if found else (name, 1, link.url, False)
        source = link.written_in or scan.source
        uri = self.uri_of(source, scan.uri)
        forms = check.written_forms(link, scan, site, uri)
        text = self.markdown(source)
        found = check.where_written(text, forms, 0 if link.written_in else index, raw_html) or check.where_written(
            text, forms, 0
        )
        if not found:
            return source, 1, link.url, raw_html
        raw = raw_html or check.where_written(text, [found[1]], 0, raw_html=True) is not None
        return source, *found, raw

    def findings(self, files: set[str], progress: Callable[[int, int], None] | None = None) -> list[Finding]:
        """Check every link against the built site's `files`; return each problem once."""
        docs_files = {
            path.relative_to(self.docs_dir).as_posix() for path in self.docs_dir.rglob("*") if path.is_file()
        } - set(self.sources)
        site = check.Site(files, self.scans, self.sources, self.site_url, docs_files)
        found: list[Finding] = []
        outgoing: dict[str, list[tuple[check.Link, check.PageScan]]] = {}
        reached: set[str] = set()  # built files that some other page links to
        outside_nav = any(scan.uri not in self.nav for scan in self.scans.values())
        for file, scan in self.scans.items():
            problems, links = check.check_page(site, scan)
            for link, url in links:
                outgoing.setdefault(url, []).append((link, scan))
            for problem in problems:
                where, line, written, raw = self.locate(
                    site, problem.link, scan, problem.index, problem.kind == "markdown"
                )
                # Links written in mkdocs.yml (the nav) are relative to the docs folder itself.
                uri = "" if problem.link.written_in == "theme" else self.uri_of(where, scan.uri)
                message = check.describe(problem, written, scan, site, uri, raw, self.docs)
                found.append(Finding(where, line, message, WARNING, check="link"))
            if outside_nav:  # only pages outside the nav need another page's link
                reached |= check.reached_files(site, scan) - {file}
        for file, scan in self.scans.items():
            if scan.uri not in self.nav and file not in reached:
                found.append(Finding(scan.source, 1, NOT_REACHED, WARNING, check="link"))
        if self.check_external:
            found += self._external(site, outgoing, progress or report_progress)
        return found

    def _external(self, site, outgoing, progress) -> list[Finding]:
        """Check external links (LINKCHECK_EXTERNAL=1): broken ones fail, moved ones inform."""
        from sitekit.links import external  # network code, only when asked for

        results = external.Checker(self.settings).check_all(sorted(outgoing), progress)
        found = []
        for url, result in sorted(results.items()):
            if result.state == "ok":
                continue
            for link, scan in outgoing[url]:
                where, line, _, _ = self.locate(site, link, scan, 0)
                if result.state == "moved":
                    found.append(
                        Finding(
                            where, line, f"link '{url}' has moved permanently; use '{result.location}'", INFO, "link"
                        )
                    )
                else:
                    found.append(Finding(where, line, f"link '{url}' is broken: {result.detail}", WARNING, "link"))
        return found


def built_files(site_dir: str | os.PathLike[str]) -> set[str]:
    """Every file of the built site, relative to it."""
    return {
        os.path.relpath(os.path.join(folder, name), site_dir).replace(os.sep, "/")
        for folder, _, names in os.walk(site_dir)
        for name in names
    }


def external_requested() -> bool:
    """External links are checked only with LINKCHECK_EXTERNAL=1."""
    return os.environ.get("LINKCHECK_EXTERNAL", "") not in ("", "0")


def for_project(project: projects.Project) -> SiteLinks:
    """A link check for the project, with its settings (raises ValueError for bad ones)."""
    links = SiteLinks(
        project.config_file,
        project.docs_dir,
        project.site_url,
        sources={uri: project.url(uri) for uri in project.pages()},
        nav={page.src_uri for page in project.nav},
        settings=settings.read_settings(project.extra.get("linkcheck", {}), project.root),
        check_external=external_requested(),
    )
    return links


def scan_built_site(links: SiteLinks, project: projects.Project, site_dir: Path) -> set[str]:
    """Read every built page from disk (for builders that do not hand pages over)."""
    files = built_files(site_dir)
    for uri, url in links.sources.items():
        dest = url + "index.html" if url == "" or url.endswith("/") else url
        if dest in files:
            output = (site_dir / dest).read_text(encoding="utf-8")
            links.add_page(dest, output, check.content_of(output), url, uri)
    return files


def report_progress(done: int, total: int) -> None:
    """Show how far the external check is: one updating line on a terminal, a few lines in logs."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\rChecking external links: {done}/{total}" + ("\n" if done == total else ""))
        sys.stderr.flush()
    elif total and (done == total or done % max(1, total // 10) == 0):
        sys.stderr.write(f"Checking external links: {done}/{total}\n")
