"""Mermaid diagrams in Markdown: where they are, and the name of their rendered SVG.

A diagram is written as a ```` ```mermaid ```` fence in a page. Its SVG is rendered ahead of
time by `scripts/render_diagrams.py` and stored as `diagrams/<digest>.svg`, where the
digest is a hash of the normalized fence text: editing the text changes the digest, so a
stale SVG can never be shown.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass

from sitekit import markdown_scan

RE_ACC = re.compile(r"^\s*(accTitle|accDescr)\s*:\s*\S", re.MULTILINE)


@dataclass(frozen=True)
class Fence:
    """A Mermaid fence found in a Markdown file."""

    line: int
    source: str

    @property
    def digest(self) -> str:
        """The name its rendered SVG is stored under."""
        return digest(self.source)


def normalize(source: str) -> str:
    """Return the diagram text without the indentation and blank edges that Markdown adds."""
    lines = [line.rstrip() for line in source.replace("\r\n", "\n").split("\n")]
    return textwrap.dedent("\n".join(lines)).strip("\n")


def digest(source: str) -> str:
    """Return a short, stable hash of the normalized diagram text."""
    return hashlib.sha256(normalize(source).encode("utf-8")).hexdigest()[:16]


def missing_accessibility(source: str) -> list[str]:
    """Return which of `accTitle` and `accDescr` the diagram lacks (screen readers need both)."""
    found = {m.group(1) for m in RE_ACC.finditer(source)}
    return [name for name in ("accTitle", "accDescr") if name not in found]


def find_fences(markdown: str) -> list[Fence]:
    """Return the Mermaid fences of a Markdown text, with the line each opens on."""
    return [
        Fence(line=fence.start, source=normalize(fence.body))
        for fence in markdown_scan.code_fences(markdown)
        if fence.language == "mermaid"
    ]
