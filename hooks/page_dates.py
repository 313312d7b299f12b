"""Show on each page when it last changed, from git, without a network call."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import git_history
import project_files

HELPERS = (git_history,)

_dates: dict = {}


def on_config(config: MkDocsConfig) -> None:
    """Read the history once per build (serve rebuilds pick up new commits)."""
    project_files.reload_helpers(*HELPERS)  # so that `mkdocs serve` shows edits to them
    global _dates
    _dates = git_history.last_changed(Path(config.docs_dir))


def on_page_markdown(markdown: str, *, page: Page, **kwargs) -> None:
    """Material shows `revision_date` under the page content."""
    date = _dates.get(Path(page.file.abs_src_path).resolve())
    if date is not None:
        page.meta.setdefault("revision_date", f"{date:%-d %B %Y}")
