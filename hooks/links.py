"""Every link of the built site under MkDocs: each problem once, with its file and line.

This hook owns link validation: it turns MkDocs' own link and nav checks down to debug
level, hands each page to `sitekit.links` as it is written (read in a worker process where
that is possible, see `sitekit.links.background`), and checks them all at the end.
External links are checked only with LINKCHECK_EXTERNAL=1 (settings: `extra.linkcheck`).
"""

from __future__ import annotations

import logging
from pathlib import Path

_check = None  # this build's SiteLinks (`_check.links`), read in a worker process or in this one


def on_config(config) -> None:
    """Take over MkDocs' link checks, so that a problem is never reported twice."""
    global _check
    from sitekit import mkdocs_adapter
    from sitekit.links import background, report, settings

    if _check is not None:
        _check.close()  # a worker left by a build that failed (under `mkdocs serve`)

    try:
        options = settings.read_settings(config.extra.get("linkcheck", {}), Path(config.config_file_path).parent)
    except ValueError as error:
        raise mkdocs_adapter.plugin_error(config, f"mkdocs.yml: {error}") from None
    links = report.SiteLinks(
        Path(config.config_file_path).resolve(),
        Path(config.docs_dir).resolve(),
        config.site_url or "",
        settings=options,
        check_external=report.external_requested(),
    )
    _check = background.link_check(links, mkdocs_adapter.report().serving)
    for checks in (config.validation.links, config.validation.nav):
        for name in ("not_found", "anchors", "absolute_links", "unrecognized_links", "omitted_files"):
            if name in checks:
                checks[name] = logging.DEBUG


def on_files(files, **kwargs) -> None:
    """Remember which page URL each Markdown source becomes."""
    _check.links.sources = {f.src_uri: f.url for f in files.documentation_pages()}


def on_nav(nav, **kwargs) -> None:
    """Remember the pages the navigation lists."""
    _check.links.nav = {page.file.src_uri for page in nav.pages}


def on_post_page(output: str, *, page, **kwargs) -> None:
    """Read the page as readers get it: its links and ids, once."""
    _check.add_page(page.file.dest_uri, output, page.content, page.url, page.file.src_uri)


def on_post_build(*, config) -> None:
    """Every page is written: check each link against the built site."""
    from sitekit import mkdocs_adapter
    from sitekit.links import background, report

    try:
        mkdocs_adapter.report().add(_check.findings(report.built_files(config.site_dir)))
    except background.WorkerFailed as error:
        raise mkdocs_adapter.plugin_error(config, f"the link check stopped:\n{error}") from None
