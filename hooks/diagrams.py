"""Diagrams under MkDocs: report a diagram that cannot be shown, with its file and line.

The ```mermaid fence (`sitekit.diagrams.fence`, named in mkdocs.yml) shows the SVGs; this
hook tells it where they are and checks each page's diagrams.
"""

from __future__ import annotations

from pathlib import Path


def on_config(config) -> None:
    """Point the fence at diagrams/ beside mkdocs.yml (and at new code under serve)."""
    from sitekit import mkdocs_adapter
    from sitekit.diagrams import fence

    fence.STORE = Path(config.config_file_path).parent / "diagrams"
    fences = mkdocs_adapter.extension_config(config, "pymdownx.superfences").get("custom_fences", [])
    mermaid = next((f for f in fences if f.get("name") == "mermaid"), None)
    if mermaid is None:
        raise mkdocs_adapter.plugin_error(
            config,
            "mkdocs.yml: add the mermaid fence to pymdownx.superfences custom_fences: "
            "{name: mermaid, class: mermaid, format: !!python/name:sitekit.diagrams.fence.format}",
        )
    mermaid["format"] = fence.format


def on_page_markdown(markdown: str, *, page, **kwargs) -> None:
    """Check the page's diagrams as written, with the lines an author sees."""
    from sitekit import mkdocs_adapter
    from sitekit.diagrams import check, fence

    build = mkdocs_adapter.report()
    build.add(check.check_page(build.text(page), build.source(page), fence.STORE))
