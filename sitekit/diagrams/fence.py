"""The ```` ```mermaid ```` fence: shows the diagram's SVG, rendered ahead of time.

Named in `mkdocs.yml` as a SuperFences custom fence, so every builder runs it:

    - pymdownx.superfences:
        custom_fences:
          - name: mermaid
            class: mermaid
            format: !!python/name:sitekit.diagrams.fence.format

The SVG of a diagram is `diagrams/<digest>.svg`, next to `mkdocs.yml` (see `render`). It is
shown at its own width, or narrower where the column is: a diagram at most `PHONE_WIDTH` wide
keeps its labels at 10 px or more on a phone, whose column is 358 px wide, and at their full
16 px on a desktop. A diagram without its SVG shows a note on the page; the diagram check
reports it, and a diagram too wide for a phone, with its file and line.
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
RE_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="(?P<width>[\d.]+)"')

FONT = 16  # the size of a diagram's labels in its own units (Mermaid's and theme.css's)
PHONE_COLUMN, PHONE_LABEL = 358, 10  # px: the text column on a 390-px phone; the smallest label there
PHONE_WIDTH = PHONE_COLUMN * FONT / PHONE_LABEL  # the widest diagram whose labels stay readable

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


def width(svg: str) -> float:
    """The width a rendered diagram is drawn at, in px."""
    m = RE_WIDTH.search(svg)
    return float(m.group("width")) if m else 0.0


def format(text: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """SuperFences formatter: the diagram's figure with its inline SVG."""
    path = svg_path(text)
    svg = Markup(path.read_text(encoding="utf-8").strip()) if path.exists() else None
    description = RE_DESCRIPTION.search(text)
    return _template().render(svg=svg, description=description.group("text").strip() if description else "")
