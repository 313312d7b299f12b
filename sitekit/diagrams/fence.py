"""The ```` ```mermaid ```` fence: shows the diagram's SVG, rendered ahead of time.

Named in `mkdocs.yml` as a SuperFences custom fence, so every builder runs it:

    - pymdownx.superfences:
        custom_fences:
          - name: mermaid
            class: mermaid
            format: !!python/name:sitekit.diagrams.fence.format

The SVGs of a diagram are `diagrams/<digest>.svg` as written and `<digest>.narrow.svg` top
to bottom (see `render`), next to `mkdocs.yml`. A page shows the one that keeps the labels
readable: at least 12 px on a desktop and 10 px on a phone, where the column is 358 px wide.
A diagram without its SVG shows a note on the page; the diagram check reports it with its
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
RE_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="(?P<width>[\d.]+)"')

FONT = 16  # the size of a diagram's labels in its own units (Mermaid's and theme.css's)
PHONE_COLUMN, PHONE_LABEL = 358, 10  # px: the text column on a 390-px phone; the smallest label there
DESKTOP_COLUMN, DESKTOP_LABEL = 688, 12  # px: the text column on a 1440-px desktop
PHONE_WIDTH = PHONE_COLUMN * FONT / PHONE_LABEL  # the widest diagram whose labels stay readable
DESKTOP_WIDTH = DESKTOP_COLUMN * FONT / DESKTOP_LABEL

# Where the SVGs are: `diagrams/` in the folder builders run in, unless an adapter knows
# better (the MkDocs hook sets the folder of mkdocs.yml).
STORE = Path("diagrams")


@cache
def _template() -> jinja2.Template:
    path = Path(__file__).with_name("templates") / "diagram.html"
    return jinja2.Template(path.read_text(encoding="utf-8"), autoescape=True)


def svg_path(text: str, store: Path | None = None, narrow: bool = False) -> Path:
    """Where an SVG of a diagram's text is stored: as written, or for phones."""
    return (store or STORE) / f"{source.digest(text)}{'.narrow' if narrow else ''}.svg"


def width(svg: str) -> float:
    """The width a rendered diagram is drawn at, in px."""
    m = RE_WIDTH.search(svg)
    return float(m.group("width")) if m else 0.0


def choose(wide: str | None, narrow: str | None) -> tuple[str | None, str | None]:
    """Which renderings a page shows: (for wide screens, for phones), or one for both.

    The rendering as written shows on wide screens if its labels stay at least 12 px there;
    phones get the top-to-bottom one, unless the one as written is narrow enough for them too.
    """
    if wide is None or narrow is None:
        return (wide or narrow), None
    if width(wide) <= PHONE_WIDTH:
        return wide, None
    if width(wide) > DESKTOP_WIDTH:
        return narrow, None
    return wide, narrow


def format(text: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """SuperFences formatter: the diagram's figure with its inline SVG."""
    found = [svg_path(text, narrow=narrow) for narrow in (False, True)]
    wide, narrow = choose(*(path.read_text(encoding="utf-8").strip() if path.exists() else None for path in found))
    description = RE_DESCRIPTION.search(text)
    return _template().render(
        wide=Markup(wide) if wide else None,
        narrow=Markup(narrow) if narrow else None,
        description=description.group("text").strip() if description else "",
    )
