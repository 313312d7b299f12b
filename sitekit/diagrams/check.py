"""Diagrams that cannot be shown: no text for screen readers, or no rendered SVG."""

from __future__ import annotations

from pathlib import Path

from sitekit.diagrams import fence, source
from sitekit.findings import Finding


def _width(text: str, store: Path) -> float:
    """How wide the narrower rendering of a diagram is."""
    return min(fence.width(fence.svg_path(text, store, narrow).read_text(encoding="utf-8")) for narrow in (False, True))


def check_page(markdown: str, file: str, store: Path) -> list[Finding]:
    """Return what is wrong with the diagrams of a page's source (whole file, with front matter)."""
    if "```mermaid" not in markdown and "~~~mermaid" not in markdown:
        return []
    findings = []
    for diagram in source.find_fences(markdown):
        missing = source.missing_accessibility(diagram.source)
        if missing:
            message = f"the diagram has no {' or '.join(missing)} line; add one so that screen readers can describe it"
        elif not all(fence.svg_path(diagram.source, store, narrow).exists() for narrow in (False, True)):
            message = (
                "the diagram has no rendered SVG (is it new or changed?); "
                "run `make diagrams` and commit the files it writes in diagrams/"
            )
        elif (wide := _width(diagram.source, store)) > fence.PHONE_WIDTH:
            message = (
                f"the diagram is {wide:.0f} px wide even drawn top to bottom, so on a phone its labels would be "
                f"smaller than {fence.PHONE_LABEL} px; shorten its labels (break them with <br>) or put fewer "
                "boxes side by side"
            )
        else:
            continue
        findings.append(Finding(file, diagram.line, message, check="diagram"))
    return findings
