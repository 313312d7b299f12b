"""Show on each page when it last changed, from git, without a network call."""

from __future__ import annotations

from pathlib import Path

_dates: dict = {}  # a page's source, relative to docs/ -> the date shown


def on_config(config) -> None:
    """Read the history once per build (serve rebuilds pick up new commits)."""
    from sitekit.page_dates import history

    global _dates
    docs = Path(config.docs_dir).resolve()
    _dates = {
        path.relative_to(docs).as_posix(): f"{date:%-d %B %Y}"
        for path, date in history.last_changed(docs).items()
        if path.is_relative_to(docs)
    }


def on_page_markdown(markdown: str, *, page, **kwargs) -> None:
    """Material shows `revision_date` under the page content."""
    date = _dates.get(page.file.src_uri)
    if date is not None:
        page.meta.setdefault("revision_date", date)
