"""Inline the pre-rendered SVG of every Mermaid diagram, so pages load no diagram script."""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import diagram_source
import markdown_scan
import project_files

HELPERS = (markdown_scan, diagram_source, project_files)

# A logger under "mkdocs." counts in strict mode; messages start with the file, unprefixed.
log = logging.getLogger("mkdocs.plugins.diagrams")


class _Build:
    """What one build knows: where SVGs live, the page being rendered, the errors so far."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.store = Path(config.config_file_path).parent / "diagrams"
        self.template = project_files.theme_template(config, "partials/diagram.html")
        self.docs = Path(config.docs_dir)
        self.page: Page | None = None
        self.errors: list[str] = []

    def where(self, source: str) -> str:
        """Return `docs/page.md:LINE` for a diagram of the current page."""
        page = self.page
        assert page is not None
        path = Path(page.file.abs_src_path)
        name = path.relative_to(self.docs.parent) if path.is_relative_to(self.docs.parent) else path
        wanted = diagram_source.digest(source)
        lines = [f.line for f in diagram_source.find_fences(page.file.content_string) if f.digest == wanted]
        return f"{name}:{lines[0] if lines else 1}"

    def format(self, source: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
        """SuperFences formatter for ```mermaid fences."""
        missing = diagram_source.missing_accessibility(source)
        svg = self.store / f"{diagram_source.digest(source)}.svg"
        if missing:
            self.errors.append(
                f"{self.where(source)}: the diagram has no {' or '.join(missing)} line; "
                "add one so that screen readers can describe it"
            )
        elif not svg.exists():
            self.errors.append(
                f"{self.where(source)}: the diagram has no rendered SVG (is it new or changed?); "
                "run `python scripts/render_diagrams.py` and commit the files it writes in diagrams/"
            )
        else:
            return self.template.render(svg=Markup(svg.read_text(encoding="utf-8").strip()))
        return ""


_build: _Build | None = None


def on_config(config: MkDocsConfig) -> None:
    """Register the ```mermaid fence before any page is rendered."""
    project_files.reload_helpers(*HELPERS)  # so that `mkdocs serve` shows edits to them
    global _build
    _build = _Build(config)
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = [f for f in superfences.get("custom_fences", []) if f.get("name") != "mermaid"]
    fences.append({"name": "mermaid", "class": "mermaid", "format": _build.format})
    superfences["custom_fences"] = fences


def on_page_markdown(markdown: str, *, page: Page, **kwargs) -> None:
    """Remember the page, to name it in errors."""
    assert _build is not None
    _build.page = page


def on_env(env, *, config: MkDocsConfig, **kwargs) -> None:
    """Stop the build, before any page is written, if a diagram could not be shown."""
    assert _build is not None
    for error in _build.errors:
        log.error(error)
    if _build.errors:
        count = len(_build.errors)
        raise PluginError(f"The build stops: {count} diagram{'s' if count > 1 else ''} could not be shown.")
