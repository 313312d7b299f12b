"""Diagrams that cannot be shown: no text for screen readers, or no rendered SVG."""

from __future__ import annotations

from pathlib import Path

from sitekit.diagrams import fence, source
from sitekit.findings import Finding


def check_page(markdown: str, file: str, store: Path) -> list[Finding]:
    """Return what is wrong with the diagrams of a page's source (whole file, with front matter)."""
    if "```mermaid" not in markdown and "~~~mermaid" not in markdown:
        return []
    findings = []
    for diagram in source.find_fences(markdown):
        missing = source.missing_accessibility(diagram.source)
        if missing:
            message = f"the diagram has no {' or '.join(missing)} line; add one so that screen readers can describe it"
        elif not fence.svg_path(diagram.source, store).exists():
            message = (
                "the diagram has no rendered SVG (is it new or changed?); "
                "run `make diagrams` and commit the files it writes in diagrams/"
            )
        elif (
            wide := fence.width(fence.svg_path(diagram.source, store).read_text(encoding="utf-8"))
        ) > fence.PHONE_WIDTH:
            message = (
                f"the diagram is {wide:.0f} px wide, so on a phone its labels would be smaller than "
                f"{fence.PHONE_LABEL} px; draw it top to bottom (flowchart TB), shorten its labels "
                f"(break them with <br>) or put fewer boxes side by side, to at most {int(fence.PHONE_WIDTH)} px"
            )
        else:
            continue
        findings.append(Finding(file, diagram.line, message, check="diagram"))
    return findings
