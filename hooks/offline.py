"""Offline and installable under MkDocs: write the service worker and the web app manifest."""

from __future__ import annotations


def on_post_build(*, config) -> None:
    """Every file is written: list them, with a revision each, for the service worker."""
    from sitekit import mkdocs_adapter, offline

    serving = mkdocs_adapter.report().serving
    offline.write_offline_files(config.site_dir, config.site_name, config.site_description or "", serving)
