"""What the MkDocs hooks share: the build's findings, its end, and `mkdocs serve`'s pages.

The hooks in `hooks/` (MkDocs and ProperDocs run them) add their findings to the build's
`Report`. When every page is written, the report hook prints all of them, each once, and
fails the build if any is an error; warnings fail a strict build as MkDocs' own do. Under
`mkdocs serve` nothing fails: each page shows its own findings at the top, so the browser
never waits for a build that stopped, and the next save shows the page again.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from sitekit import project as projects
from sitekit.findings import ERROR, INFO, WARNING, Finding, github_annotation, on_github, summary, unique

PACKAGE = Path(__file__).resolve().parent


def builder(config: Any) -> str:
    """The package of the builder that runs the hooks: `mkdocs` or `properdocs`."""
    return type(config).__module__.split(".")[0]


def logger(config: Any) -> logging.Logger:
    """A logger that strict mode counts (under the builder's own logger tree).

    Messages start with the file, unprefixed, as every other finding of the build.
    """
    return logging.getLogger(f"{builder(config)}.plugins.sitekit")


def plugin_error(config: Any, message: str) -> Exception:
    """The builder's PluginError: it stops the build with the message and no traceback."""
    return importlib.import_module(f"{builder(config)}.exceptions").PluginError(message)


@dataclass
class Report:
    """The findings of one build, from every hook."""

    config: Any
    serving: bool = False
    findings: list[Finding] = field(default_factory=list)
    docs: str = field(init=False)
    _text: tuple[Any, str] = (None, "")  # the page last read, and its text

    def __post_init__(self) -> None:
        self.docs = projects.display_path(self.config.docs_dir, self.config.config_file_path)

    def add(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    def source(self, page: Any) -> str:
        """A page's source file as messages name it (`docs/ecr.md`)."""
        return f"{self.docs}/{page.file.src_uri}"

    def text(self, page: Any) -> str:
        """A page's whole source file, front matter included: read from disk once per page
        (MkDocs reads it again on every `content_string`)."""
        if self._text[0] is not page:
            self._text = (page, page.file.content_string)
        return self._text[1]


_report: Report | None = None


def start(config: Any, serving: bool) -> Report:
    """Start a build's report (`mkdocs serve` starts a new one for every rebuild)."""
    global _report
    _report = Report(config, serving=serving)
    return _report


def report() -> Report:
    """The report of the build under way."""
    if _report is None:
        raise RuntimeError("hooks/report.py must be the first hook in mkdocs.yml")
    return _report


def finish(config: Any) -> None:
    """Print every finding once; fail on errors, or under serve show them on their pages."""
    build = report()
    found = unique(build.findings)
    log = logger(config)
    for finding in found:
        level = {ERROR: logging.ERROR, WARNING: logging.WARNING, INFO: logging.INFO}[finding.level]
        log.log(level, str(finding))
    if on_github():
        for finding in found:
            sys.stdout.write(github_annotation(finding) + "\n")
    if build.serving:
        show_on_pages(config, [f for f in found if f.fails])
    elif any(f.level == ERROR for f in found):
        raise plugin_error(config, summary(found))


@cache
def _template(name: str) -> jinja2.Template:
    path = PACKAGE / "templates" / name
    return jinja2.Template(path.read_text(encoding="utf-8"), autoescape=True)


def show_on_pages(config: Any, findings: list[Finding]) -> None:
    """Under `mkdocs serve`: put each page's findings at the top of its content, and a line on
    every other page saying where the rest are."""
    if not findings:
        return
    docs = projects.display_path(config.docs_dir, config.config_file_path)
    by_page: dict[str, list[Finding]] = {}
    for finding in findings:
        uri = finding.file.removeprefix(docs + "/") if finding.file.startswith(docs + "/") else None
        by_page.setdefault(uri or "", []).append(finding)
    for folder, _, names in os.walk(config.site_dir):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = Path(folder, name)
            url = path.relative_to(config.site_dir).as_posix()
            uri = next((u for u in by_page if u and _built_name(u, config) == url), None)
            html = path.read_text(encoding="utf-8")
            box = _template("findings.html").render(
                own=by_page.get(uri, []) if uri else by_page.get("", []), total=len(findings)
            )
            at = html.find('<article class="md-content__inner')
            at = html.find(">", at) + 1 if at >= 0 else html.find("<body")
            if at > 0:
                path.write_text(html[:at] + box + html[at:], encoding="utf-8")


def _built_name(uri: str, config: Any) -> str:
    url = projects.page_url(uri, config.use_directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def forget_if_changed(seen: dict[str, float]) -> None:
    """Under `mkdocs serve`, make edits to this package show in the next rebuild.

    MkDocs keeps hook modules loaded between rebuilds. When a file of the package changed
    since the last build (`seen` holds the times, kept by the caller across rebuilds), every
    `sitekit` module is forgotten, so that the hooks (which import at each event), the
    Markdown extensions and the fence load the new code.
    """
    files = {str(p): p.stat().st_mtime for p in PACKAGE.rglob("*.py")}
    changed = bool(seen) and files != seen
    seen.clear()
    seen.update(files)
    if changed:
        for name in [n for n in sys.modules if n == "sitekit" or n.startswith("sitekit.")]:
            del sys.modules[name]


def extension_config(config: Any, name: str) -> dict[str, Any]:
    """The options of a Markdown extension named in mkdocs.yml; stop if it is not listed."""
    if name not in config.markdown_extensions:
        raise plugin_error(config, f"mkdocs.yml: add {name} to markdown_extensions; the hooks need it")
    return config.mdx_configs.setdefault(name, {})
