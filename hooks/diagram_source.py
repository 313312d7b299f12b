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

RE_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
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


def find_fences(markdown: str, language: str = "mermaid") -> list[Fence]:
    """Return the fences of `language` in a Markdown text, with the line each opens on.

    Fences nested in admonitions, tabs and lists (indented) are found too; a fence inside
    another fence is code, not a diagram.
    """
    fences = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        m = RE_FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence = m.group("indent"), m.group("fence")
        info = m.group("info").strip().lstrip("{").strip()
        lang = info.split()[0].lstrip(".") if info else ""
        body = []
        j = i + 1
        while j < len(lines):
            stripped = lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip()
            closing = stripped.strip()
            if len(closing) >= len(fence) and set(closing) == {fence[0]}:
                break
            body.append(stripped)
            j += 1
        if lang == language:
            fences.append(Fence(line=i + 1, source=normalize("\n".join(body))))
        i = j + 1
    return fences
