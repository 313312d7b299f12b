"""Show on each page when it last changed, from git, without a network call."""

from __future__ import annotations

from pathlib import Path

_dates: dict = {}


def on_config(config) -> None:
    """Read the history once per build (serve rebuilds pick up new commits)."""
    from sitekit.page_dates import history

    global _dates
    _dates = history.last_changed(Path(config.docs_dir))


def on_page_markdown(markdown: str, *, page, **kwargs) -> None:
    """Material shows `revision_date` under the page content."""
    date = _dates.get(Path(page.file.abs_src_path).resolve())
    if date is not None:
        page.meta.setdefault("revision_date", f"{date:%-d %B %Y}")
