"""The ```` ```mermaid ```` fence: shows the diagram's SVG, rendered ahead of time.

Named in `mkdocs.yml` as a SuperFences custom fence, so every builder runs it:

    - pymdownx.superfences:
        custom_fences:
          - name: mermaid
            class: mermaid
            format: !!python/name:sitekit.diagrams.fence.format

The SVG of a diagram is `diagrams/<digest>.svg`, next to `mkdocs.yml` (see `source`). A
diagram without its SVG shows a note on the page; the diagram check reports it with its
file and line.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from sitekit.diagrams import source

RE_DESCRIPTION = re.compile(r"^\s*accDescr\s*:\s*(?P<text>.+)$", re.M)

# Where the SVGs are: `diagrams/` in the folder builders run in, unless an adapter knows
# better (the MkDocs hook sets the folder of mkdocs.yml).
STORE = Path("diagrams")


@cache
def _template() -> jinja2.Template:
    path = Path(__file__).with_name("templates") / "diagram.html"
    return jinja2.Template(path.read_text(encoding="utf-8"), autoescape=True)


def svg_path(text: str, store: Path | None = None) -> Path:
    """Where the SVG of a diagram's text is stored."""
    return (store or STORE) / f"{source.digest(text)}.svg"


def format(text: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """SuperFences formatter: the diagram's figure with its inline SVG."""
    path = svg_path(text)
    svg = Markup(path.read_text(encoding="utf-8").strip()) if path.exists() else None
    description = RE_DESCRIPTION.search(text)
    return _template().render(svg=svg, description=description.group("text").strip() if description else "")
